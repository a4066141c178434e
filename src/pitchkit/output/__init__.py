"""Output: writing files safely, PDF copies and the record of what was written."""
