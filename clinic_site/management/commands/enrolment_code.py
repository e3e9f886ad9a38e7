from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from clinic_site import enrolment


class Command(BaseCommand):
    help = (
        "Issue the one-time code with which a staff account sets up its second factor "
        "(after a lost phone, delete its old device in the admin first). Hand it over "
        "in person or by phone, never by email."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get_by_natural_key(username)
        except User.DoesNotExist:
            raise CommandError(f"There is no account {username!r}.") from None
        code = enrolment.issue(user)
        self.stdout.write(
            f"Enrolment code for {username}, usable once within "
            f"{enrolment.ENROLMENT_CODE_DAYS} days: {code}"
        )
