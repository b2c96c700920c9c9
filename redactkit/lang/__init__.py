"""Language resources: what redactkit knows about a language, as versioned data files.

``labels.yaml`` holds the built-in entity labels (see :mod:`redactkit.labels`).
"""
