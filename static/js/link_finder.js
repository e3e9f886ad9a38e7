// "Find a page on this site" in the rich-text editor's link dialog: type part of an
// article's or page's title, choose it, and its address fills the URL field.
// The addresses come from the admin's site-addresses endpoint (published only).
const endpoint = document.currentScript?.dataset.url

function finderFor(hrefInput) {
  const field = document.createElement("div")
  field.className = "link-finder"
  const label = document.createElement("label")
  label.textContent = "Find a page on this site (type part of its title)"
  const search = document.createElement("input")
  search.type = "search"
  search.id = `${hrefInput.id}-finder`
  search.size = 50
  label.htmlFor = search.id
  const results = document.createElement("ul")
  results.setAttribute("aria-live", "polite")
  field.append(label, search, results)

  let pending
  search.addEventListener("keydown", (event) => {
    if (event.key === "Enter") event.preventDefault() // not the dialog's submit
  })
  search.addEventListener("input", () => {
    clearTimeout(pending)
    pending = setTimeout(() => show(search.value.trim()), 250)
  })

  async function show(query) {
    results.replaceChildren()
    if (query.length < 2) return
    const response = await fetch(`${endpoint}?q=${encodeURIComponent(query)}`, {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
    if (!response.ok || query !== search.value.trim()) return
    const { results: found } = await response.json()
    if (found.length === 0) {
      const none = document.createElement("li")
      none.textContent = "Nothing published has that in its title."
      results.append(none)
    }
    for (const { title, url, kind } of found) {
      const button = document.createElement("button")
      button.type = "button"
      button.textContent = `${title} (${kind}: ${url})`
      button.addEventListener("click", () => {
        hrefInput.value = url
        hrefInput.dispatchEvent(new Event("input", { bubbles: true }))
        results.replaceChildren()
        hrefInput.focus()
      })
      const item = document.createElement("li")
      item.append(button)
      results.append(item)
    }
  }
  return field
}

function addFinders(root) {
  for (const hrefInput of root.querySelectorAll?.("dialog input[name=href]") ?? []) {
    const field = hrefInput.closest(".prose-editor-dialog-field") ?? hrefInput
    if (field.previousElementSibling?.classList.contains("link-finder")) continue
    field.before(finderFor(hrefInput))
  }
}

if (endpoint) {
  new MutationObserver((changes) => {
    for (const change of changes) {
      for (const node of change.addedNodes) {
        if (node.nodeType === Node.ELEMENT_NODE) addFinders(node.parentNode ?? node)
      }
    }
  }).observe(document.body, { childList: true, subtree: true })
}
