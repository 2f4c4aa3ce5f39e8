"""Built-in outputs; each module is a plugin registered through ``kfcompare_outputs``."""
