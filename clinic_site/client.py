from django.conf import settings


def client_address(request) -> str:
    """The visitor's address; behind our proxy, the one the proxy saw.

    Only the last X-Forwarded-For entry is trusted: it is the one our proxy added.
    Without a proxy the header is ignored, since anyone can send it.
    """
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")
