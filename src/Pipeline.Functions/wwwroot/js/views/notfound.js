// Shown for a hash route the viewer does not know.
import { append, h } from "../dom.js";
import { pageHeading } from "../ui.js";

export const notFoundView = {
  async render({ main, setTitle, moveFocus }) {
    setTitle("Not found");
    const heading = pageHeading("This page does not exist");
    append(
      main,
      heading,
      h("p", {}, "The address may be mistyped or out of date. ", h("a", { href: "#/clusters" }, "Browse shared passages"), " or ", h("a", { href: "#/articles" }, "see all articles"), "."),
    );
    if (moveFocus) heading.focus();
  },
};
