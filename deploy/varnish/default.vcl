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
    # A parameter with an escaped name may be one the site reads (%70age is page):
    # never kept under a key that leaves it out.
    if (req.url ~ "[?&][^=&]*%") {
        return (pass);
    }
    # The site reads only these parameters (READ_PARAMETERS in
    # clinic_site/page_cache.py, keep the two the same): the rest (campaign tags,
    # made-up ones) stay out of the key, so that one copy serves them all and random
    # ones cannot fill the cache. The site gets the address unchanged (utm_medium
    # tells the readership counts a link came from an email).
    set req.http.hash-url = req.url;
    if (req.url ~ "\?") {
        set req.http.hash-query = regsuball(regsub(req.url, "^[^?]*\?", "&"),
            "&(?!(page|v|q|p|page_id|cat|tag|author|attachment_id)(=|&|$))[^&]*", "");
        set req.http.hash-url = regsub(req.url, "\?.*", "")
            + regsub(req.http.hash-query, "^&", "?");
        unset req.http.hash-query;
    }
    return (hash);
}

sub vcl_hash {
    # A copy is keyed by that address and the host; compressed and plain answers
    # share it (Varnish keeps the gzipped one and unzips it on demand).
    hash_data(req.http.hash-url);
    if (req.http.host) {
        hash_data(req.http.host);
    } else {
        hash_data(server.ip);
    }
    return (lookup);
}

sub vcl_backend_fetch {
    unset bereq.http.hash-url;
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
