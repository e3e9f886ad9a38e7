// Suggestions under a search box while typing: the ARIA combobox pattern. Without
// this script the box is a plain search field and the search page answers. With
// it, titles matching what was typed appear in a list under the box: the arrow
// keys move through them, Enter opens the chosen article (or searches, when none
// is chosen), Escape closes the list.

const WAIT_MS = 150; // after the last keystroke, so fast typing asks once

for (const input of document.querySelectorAll("input[data-suggestions]")) {
  const list = document.createElement("ul");
  list.id = `${input.id}-suggestions`;
  list.className = "suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Suggested articles");
  list.hidden = true;
  const status = document.createElement("span");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  input.form.classList.add("has-suggestions");
  input.form.append(list, status);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");
  input.autocomplete = "off";

  let chosen = -1;
  let timer;
  const options = () => [...list.children];

  const choose = (index) => {
    chosen = index;
    options().forEach((option, n) => {
      option.setAttribute("aria-selected", String(n === index));
    });
    if (index >= 0) {
      input.setAttribute("aria-activedescendant", options()[index].id);
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  };

  const close = () => {
    choose(-1);
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
  };

  const show = (suggestions) => {
    list.replaceChildren(
      ...suggestions.map(({ title, url }, n) => {
        const option = document.createElement("li");
        option.id = `${list.id}-${n}`;
        option.setAttribute("role", "option");
        option.dataset.url = url; // no link inside: an option holds no other control
        option.textContent = title;
        return option;
      }),
    );
    choose(-1);
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    const count = suggestions.length;
    status.textContent = `${count} suggestion${count === 1 ? "" : "s"}: use the arrow keys to choose.`;
  };

  const ask = async () => {
    const typed = input.value.trim();
    if (typed.length < 2) {
      close();
      return;
    }
    try {
      const address = `${input.dataset.suggestions}?q=${encodeURIComponent(typed)}`;
      const response = await fetch(address, { headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error(`suggestions answered ${response.status}`);
      const { suggestions } = await response.json();
      if (input.value.trim() !== typed) return; // the visitor typed on meanwhile
      if (suggestions.length) show(suggestions);
      else close();
    } catch {
      close(); // suggestions are a help: the search itself still works
    }
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(ask, WAIT_MS);
  });
  input.addEventListener("keydown", (event) => {
    if (list.hidden) return;
    const count = options().length;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      choose((chosen + 1) % count);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      choose(chosen <= 0 ? count - 1 : chosen - 1);
    } else if (event.key === "Enter" && chosen >= 0) {
      event.preventDefault();
      window.location.assign(options()[chosen].dataset.url);
    } else if (event.key === "Escape") {
      event.preventDefault(); // the first Escape closes the list, a second clears
      close();
    }
  });
  // A click on a suggestion must not blur the box first, or the list would go.
  list.addEventListener("mousedown", (event) => event.preventDefault());
  list.addEventListener("click", (event) => {
    const option = event.target.closest("[role=option]");
    if (option) window.location.assign(option.dataset.url);
  });
  input.addEventListener("blur", close);
}
