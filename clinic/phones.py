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


def readable(value: str) -> str:
    """A stored number as the clinic would dial it: (617) 555-0123 at home,
    011 44 20 7946 0958 abroad. Neither form can start a spreadsheet formula."""
    number = valid_number(value)
    if number is None:
        return value
    if phonenumbers.region_code_for_number(number) == REGION:
        return phonenumbers.format_number(
            number, phonenumbers.PhoneNumberFormat.NATIONAL
        )
    return phonenumbers.format_out_of_country_calling_number(number, REGION)
