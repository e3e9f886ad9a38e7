from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.static import serve
from two_factor.urls import urlpatterns as two_factor_patterns

from blog.sitemaps import SITEMAPS as BLOG_SITEMAPS
from clinic.caching import public_page
from clinic.sitemaps import SITEMAPS as CLINIC_SITEMAPS
from clinic_site import enrolment, staff_sign_in, views
from pages.sitemaps import PageSitemap

handler500 = "clinic_site.views.server_error"

SITEMAPS = BLOG_SITEMAPS | CLINIC_SITEMAPS | {"standalone-pages": PageSitemap}

urlpatterns = [
    path("", include("search.urls")),  # before the blog: /blog/search/ was its address
    path("", include("blog.urls")),
    path("appointments/", include("appointments.urls")),
    path("", include("clinic.urls")),
    path("admin/", admin.site.urls),
    # Before two_factor's own patterns: its sign-in page in plain words, and its
    # set-up page, gated by an enrolment code.
    path("account/login/", staff_sign_in.SignInView.as_view()),
    path("account/two_factor/setup/", enrolment.GatedSetupView.as_view()),
    path(
        "account/two_factor/enrol/",
        enrolment.enter_enrolment_code,
        name="enrolment_code",
    ),
    path(
        "account/password/reset/",
        staff_sign_in.StaffPasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "account/password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "account/password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "account/password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("", include(two_factor_patterns)),  # /account/login/ and the second factor
    path(
        "sitemap.xml",
        public_page(sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap",
    ),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("apple-touch-icon.png", views.touch_icon, name="touch_icon"),
    path("brand.css", views.brand_css, name="brand_css"),
]

if settings.SERVE_MEDIA:
    # Media on local disk, served by Django; in production the proxy or S3 serves it.
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

# Last: a page takes any address nothing above answers (pages.addresses keeps page
# slugs off the fixed ones).
urlpatterns += [path("", include("pages.urls"))]
