"""Digitisation (档案数字化): files attached to records, their fixity and their text.

- ``storage``: the managed folder beside the archive, files named by SHA-256, content types.
- ``attachments``: attaching files to records, one by one or a scanner's folder by file name.
- ``fixity``: every stored file checked against its hash.
- ``content``: the text layer of PDFs, indexed with the catalogue for search.
"""
