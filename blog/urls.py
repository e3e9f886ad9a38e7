from django.urls import path

from blog import feeds, views
from clinic.caching import public_page

app_name = "blog"
urlpatterns = [
    path("", views.home, name="home"),
    path("blog/", views.article_list, name="article_list"),
    path("blog/feed/", public_page(feeds.ArticleFeed()), name="feed"),
    path("blog/category/<slug:slug>/", views.category, name="category"),
    path(
        "blog/category/<slug:slug>/feed/",
        public_page(feeds.CategoryFeed()),
        name="category_feed",
    ),
    path("blog/tag/", views.tag_list, name="tag_list"),
    path("blog/tag/<slug:slug>/", views.tag, name="tag"),
    path("blog/<slug:slug>/", views.article_detail, name="article_detail"),
]
