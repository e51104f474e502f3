"""SOPs as data: the model, loading and checking the YAML, time standards, the library of SOPs."""
