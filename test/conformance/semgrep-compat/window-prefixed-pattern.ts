// ruleid: window-prefixed-pattern
window.addEventListener("message", h);
