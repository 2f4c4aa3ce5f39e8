"""Built-in input formats; each module is a plugin registered through ``kfcompare_input_formats``."""
