# The exports and uploads folder that test_import.py writes, for the other tests.
from wordpress.tests.test_import import export, uploads  # noqa: F401
