"""Rendering ``{{ name }}`` placeholders: the renderers (:mod:`.renderer`) and their modes
(:mod:`.modes`)."""
