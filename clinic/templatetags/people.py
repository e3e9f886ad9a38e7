from django import template

from clinic.structured_data import profile_data

register = template.Library()


@register.simple_tag
def profile_schema(person, organization):
    """The person's schema.org profile; render it with {% json_ld %}."""
    return profile_data(person, organization)
