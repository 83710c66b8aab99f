"""Small utilities: atomic writes, paths, installed data files, safe YAML, semver, did-you-mean,
git."""
