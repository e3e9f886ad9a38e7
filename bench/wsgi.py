"""The site as gunicorn serves it, plus /bench/trivial/ (see bench/urls.py).

Same settings, same middleware, same server; only the URL configuration differs.
"""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic_site.settings")
settings.ROOT_URLCONF = "bench.urls"
application = get_wsgi_application()
