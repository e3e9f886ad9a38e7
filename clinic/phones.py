"""Phone numbers as people write them, read in the clinic's country."""

import phonenumbers

REGION = "US"


def valid_number(value: str) -> phonenumbers.PhoneNumber | None:
    """The number written in `value`, or None if no phone could dial it."""
    try:
        number = phonenumbers.parse(value, REGION)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None
