"""Training and adapting the NER model of the `ner` detector (see :mod:`redactkit.train.data`)."""
