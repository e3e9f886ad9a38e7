"""gunicorn's settings for this project, read from the folder it is started in.

The access log (on with `--access-logfile`) writes each request's path without its
query string, and no Referer: on the staff area a query string can hold a patient's
name or phone number, and on the site a search for a condition. Otherwise gunicorn's
default format.
"""

access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s "%(a)s"'
