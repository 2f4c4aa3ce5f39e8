"""Built-in input formats and outputs: plugins registered through the same hooks as any
third-party plugin (listed by name in ``kfcompare._plugins.BUILTIN_PLUGINS``)."""
