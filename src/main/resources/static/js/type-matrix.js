// The matrix by type: "causes (n)" opens the row's member causes in place, read from the page /causes/type;
// without JavaScript the link simply leads to that page.
document.addEventListener('click', async (event) => {
  const link = event.target.closest('a.members-link');
  if (!link) {
    return;
  }
  event.preventDefault();
  const box = link.parentElement.querySelector('.members');
  if (!box.hidden) {
    box.hidden = true;
    link.setAttribute('aria-expanded', 'false');
    return;
  }
  if (!box.dataset.loaded) {
    const response = await fetch(link.href, { headers: { Accept: 'text/html' } });
    if (!response.ok) {
      window.location.href = link.href;
      return;
    }
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    const members = page.getElementById('type-members');
    box.replaceChildren(...(members ? [document.importNode(members, true)] : []));
    box.dataset.loaded = 'true';
  }
  box.hidden = false;
  link.setAttribute('aria-expanded', 'true');
});
