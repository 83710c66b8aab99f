"""The JSON Schemas pkgkit validates package content against (data files only)."""
