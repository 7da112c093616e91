"""ArchDesk: an offline records-management desktop client for an archive office (档案室)."""

__version__ = "0.1.0"
