# Varnish in front of clinic_site (Varnish 7.1 with varnish-modules' xkey, as in
# Debian 12: apt-get install varnish varnish-modules). See docs/deployment.md.
#
# Kept: what the site marks public with s-maxage (anonymous pages it keeps too), for
# as long as it says. Passed: staff and the admin, the appointment pages, anything
# but GET and HEAD, any request with a session. Purged: by surrogate key, when the
# site sends PURGE with an `xkey-purge` header after a change (clinic_site/purging.py),
# from the addresses in `local` only.
vcl 4.1;

import xkey;

backend site {
    # bin/varnish-site and the tests replace these with the site's address.
    .host = "127.0.0.1";
    .port = "8000";
    .first_byte_timeout = 30s;
}

acl local {  # this machine: the site that purges, nginx in front
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ local) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "Name the keys in xkey-purge"));
        }
        set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.n-gone + " object(s)"));
    }
    # Varnish appended the address of whoever sent the request, nginx here. The site
    # trusts the last hop only (the rate limit counts by it): the visitor's, as nginx
    # gave it.
    if (client.ip ~ local && req.http.X-Forwarded-For ~ ",") {
        set req.http.X-Forwarded-For = regsub(req.http.X-Forwarded-For, ",[^,]*$", "");
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The staff's pages and the patients' form: never shared, cookies untouched.
    if (req.url ~ "^/(admin|appointments|account)(/|$)") {
        return (pass);
    }
    # A signed-in member of staff sees previews and private pages.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Anonymous pages depend on no cookie (the site sends no Vary: Cookie for them):
    # dropping them lets every visitor share one copy. A page that needs one (a form
    # with a CSRF token) sets it, and then it is not kept.
    unset req.http.Cookie;
    # Campaign tags change nothing on a page: one copy serves every campaign. The
    # built-in vcl_hash then keys a copy by address and host; compressed and plain
    # answers share it (Varnish keeps the gzipped one and unzips it on demand).
    set req.url = regsuball(req.url, "(?<=[?&])(utm_[a-z]+|fbclid|gclid)=[^&]*&?", "");
    set req.url = regsub(req.url, "[?&]$", "");
    return (hash);
}

sub vcl_backend_response {
    # Kept only when the site says so with s-maxage: never a page that sets a cookie,
    # is private, or is not meant for sharing (max-age=0 alone means "ask each time").
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control ~ "(private|no-store|no-cache)"
        || beresp.http.Cache-Control !~ "s-maxage") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;  # remember not to wait for other requests for it
        return (deliver);
    }
    # The site's stale-while-revalidate sets the grace Varnish reads from it.
    return (deliver);
}

sub vcl_deliver {
    # The keys are for this cache only.
    unset resp.http.xkey;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}
