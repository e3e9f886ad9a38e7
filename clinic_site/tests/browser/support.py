"""What the browser tests do again and again: sign in, follow the keyboard focus,
check that it can be seen, and check that a page fits a phone's width."""

import time

from django.conf import settings
from django_otp.oath import totp

# The focused element, and whether a person can see where the focus is.
FOCUS_STATE = """() => {
    const element = document.activeElement;
    if (!element || element === document.body || element === document.documentElement)
        return null;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== "none" && style.boxShadow !== "";
    const label = (element.labels && element.labels[0]
        ? element.labels[0].innerText : element.innerText || element.value || "");
    return {
        key: element.dataset.tabKey || null,
        tag: element.tagName.toLowerCase(),
        id: element.id,
        name: element.name || null,
        type: element.type || null,
        label: label.trim().replace(/\\s+/g, " ").slice(0, 60),
        visible: outline || shadow,
        outline: style.outlineStyle + " " + style.outlineWidth,
        shadow: style.boxShadow,
        on_screen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
            && box.top < innerHeight && box.left < innerWidth,
    };
}"""

# Every control a keyboard user should reach, each marked with a key (one per radio
# group, since Tab enters a group once and arrow keys move within it).
MARK_TABBABLE = """() => {
    const candidates = document.querySelectorAll(
        "a[href], button, input, select, textarea, summary, [tabindex]");
    const keys = [];
    for (const element of candidates) {
        const style = getComputedStyle(element);
        if (element.disabled || element.tabIndex < 0 || element.type === "hidden"
            || !element.getClientRects().length || style.visibility === "hidden")
            continue;
        const key = element.type === "radio" && element.name
            ? "radio:" + element.name
            : element.tagName.toLowerCase() + "#" + keys.length
              + " " + (element.id || element.name || element.innerText || "")
                  .trim().replace(/\\s+/g, " ").slice(0, 40);
        element.dataset.tabKey = key;
        if (!keys.includes(key)) keys.push(key);
    }
    return keys;
}"""


def focus_state(page):
    return page.evaluate(FOCUS_STATE)


def assert_focus_visible(page, where=""):
    state = focus_state(page)
    assert state is not None, f"{where}: the focus is on no element"
    assert state["visible"], f"{where}: no visible focus indicator on {state}"
    assert state["on_screen"], f"{where}: the focused element is off screen: {state}"
    return state


def press(page, key, where=""):
    """Press a key, then check that the focus (if on an element) can be seen."""
    page.keyboard.press(key)
    return assert_focus_visible(page, f"{where} after {key}")


def tab_to(page, locator, *, backwards=False, limit=120, where=""):
    """Press Tab (or Shift+Tab) until `locator` has the focus, checking every stop."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        page.keyboard.press(key)
        if focus_state(page) is None:
            continue  # past the end of the page: the next press starts over
        assert_focus_visible(page, f"{where} after {key}")
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{where}: {key} never reached {locator}")


def audit_tab_order(page, where=""):
    """Tab once around the whole page: every control is reached, each with a visible
    focus. Returns the keys in the order reached; the focus ends on the first."""
    expected = page.evaluate(MARK_TABBABLE)
    reached = []
    for _ in range(len(expected) + 3):
        page.keyboard.press("Tab")
        state = focus_state(page)
        if state is None:
            continue  # past the last control: the next Tab starts again at the top
        if reached and state["key"] == reached[0]:
            break  # around once
        assert state["visible"], f"{where}: no visible focus indicator on {state}"
        assert state["on_screen"], f"{where}: focused element off screen: {state}"
        if state["key"] not in reached:
            reached.append(state["key"])
    missing = [key for key in expected if key not in reached]
    assert not missing, f"{where}: the keyboard never reaches {missing}"
    return reached


def assert_fits_width(page, where=""):
    """Nothing makes the page wider than the screen (no sideways scrolling)."""
    widths = page.evaluate(
        """() => {
            const wide = [...document.querySelectorAll("body *")]
                .filter(e => e.getBoundingClientRect().right > innerWidth + 1)
                .slice(0, 5).map(e => e.tagName + "." + e.className);
            return {page: document.documentElement.scrollWidth, screen: innerWidth,
                    wide};
        }"""
    )
    assert widths["page"] <= widths["screen"], (
        f"{where}: wider than the screen {widths}"
    )


def totp_code(device) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits):06d}"


def sign_in(page, username, password, *, device=None, next_path="", snap=None):
    """Staff sign-in through the two-step form at /account/login/."""
    page.goto("/account/login/" + (f"?next={next_path}" if next_path else ""))
    page.fill("#id_auth-username", username)
    page.fill("#id_auth-password", password)
    if snap:
        snap(page, "sign-in")
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    if device is not None:
        page.fill("#id_token-otp_token", totp_code(device))
        if snap:
            snap(page, "sign-in-second-factor")
        with page.expect_navigation():
            page.get_by_role("button", name="Sign in").click()
    assert "/account/login/" not in page.url, page.inner_text("main")


def wait_past_minimum_fill_time(opened_at: float) -> None:
    """The form refuses posts sooner than APPOINTMENT_MIN_FILL_SECONDS after it was
    handed out (a signed token carries the time): a person is never that quick."""
    remaining = (
        settings.APPOINTMENT_MIN_FILL_SECONDS + 0.3 - (time.monotonic() - opened_at)
    )
    if remaining > 0:
        time.sleep(remaining)
