// The picture library's picker, opened by the editor's figure dialog: a choice is
// handed back to the dialog (through the callback the editor registered under
// CKEditorFuncNum) with the picture's id and description, then the window closes.
const callback = new URLSearchParams(window.location.search).get("CKEditorFuncNum")

function choose(button) {
  const editor = window.opener?.CKEDITOR?.tools
  if (callback === null || !editor) return
  editor.callFunction(callback, button.dataset.url, {
    id: button.dataset.picture,
    alternative_text: button.dataset.alt,
  })
  window.close()
}

for (const button of document.querySelectorAll("button[data-picture]")) {
  button.addEventListener("click", () => choose(button))
}
const uploaded = document.querySelector("button[data-chosen]")
if (uploaded) choose(uploaded)
