"""Collection screens: the import wizard and the transfer batch list."""
