"""The JSON Schemas of package artifacts (the ``*.schema.json`` files beside this module) and
validation against them (:mod:`.validation`)."""
