// The header's menu on narrow screens. Without this script "Menu" is a link to
// #site-menu, which the stylesheet opens (:target); with it, a button that says
// whether the menu is open (aria-expanded), and Escape closes it.

const link = document.querySelector(".menu-toggle");
const menu = document.getElementById("site-menu");

if (link && menu) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = link.className;
  button.textContent = link.textContent;
  button.setAttribute("aria-controls", menu.id);
  button.setAttribute("aria-expanded", "false");
  link.replaceWith(button);
  document.documentElement.classList.add("menu-scripted");

  const setOpen = (open) => {
    button.setAttribute("aria-expanded", String(open));
    menu.classList.toggle("is-open", open);
  };
  button.addEventListener("click", () => {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && menu.classList.contains("is-open")) {
      setOpen(false);
      button.focus();
    }
  });
}
