// The host page's own script: it must keep working whatever happens inside the checker.
document.getElementById("helpful").addEventListener("click", () => {
  const count = document.getElementById("helpful-count");
  count.textContent = String(Number(count.textContent) + 1);
});
