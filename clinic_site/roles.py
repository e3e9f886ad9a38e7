"""Staff roles are groups, made by data migrations with exactly these permissions."""

from django.contrib.auth.management import create_permissions

EDITORS = "Editors"
FRONT_DESK = "Front desk"

ROLE_PERMISSIONS = {
    EDITORS: {
        "blog": [
            "add_article",
            "change_article",
            "delete_article",
            "view_article",
            "publish_article",
            "add_category",
            "change_category",
            "view_category",
            "add_relatedpick",
            "change_relatedpick",
            "delete_relatedpick",
            "view_relatedpick",
        ],
        "clinic": [
            "change_location",
            "view_location",
            "add_openinghours",
            "change_openinghours",
            "delete_openinghours",
            "view_openinghours",
            "add_closure",
            "change_closure",
            "delete_closure",
            "view_closure",
            "add_person",
            "change_person",
            "view_person",
            "add_specialty",
            "change_specialty",
            "delete_specialty",
            "view_specialty",
            "add_redirect",
            "change_redirect",
            "delete_redirect",
            "view_redirect",
            "change_sitesettings",
            "view_sitesettings",
            "add_picture",
            "change_picture",
            "delete_picture",
            "view_picture",
        ],
        "clinic_site": [
            "add_menuitem",
            "change_menuitem",
            "delete_menuitem",
            "view_menuitem",
        ],
        "pages": [
            "add_page",
            "change_page",
            "delete_page",
            "view_page",
            "publish_page",
        ],
        "search": [
            "add_synonym",
            "change_synonym",
            "delete_synonym",
            "view_synonym",
        ],
        "taggit": ["add_tag", "change_tag", "delete_tag", "view_tag"],
        "wordpress": ["view_comment", "delete_comment"],
    },
    FRONT_DESK: {
        "appointments": [
            "view_appointmentrequest",
            "change_appointmentrequest",
            "export_appointmentrequest",
            "view_notification",
        ],
        "clinic": ["view_location", "view_openinghours", "view_closure"],
    },
}


def make_role(apps, schema_editor, role):
    """Create or update one role's group (for RunPython in a data migration)."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True  # create_permissions skips apps without it
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=role)
    for app_label, codenames in ROLE_PERMISSIONS[role].items():
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label=app_label, codename__in=codenames
            )
        )
