"""Running redactkit inside distributed engines: Ray (``redactkit[ray]``) and Spark (``redactkit[spark]``).

The submodules import their engine lazily, so importing them without the extra installed only fails
when a function that needs the engine is called, with a :class:`~redactkit.errors.RedactkitError`
naming the ``pip install`` line.
"""

__all__: list[str] = []
