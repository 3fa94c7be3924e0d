"""The Debian fonts cards are printed in, which of them cover Cyrillic, and the icon font."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from PIL import ImageFont

FONT_ROOT = Path("/usr/share/fonts")

# Every file below comes from one of these; `make install` puts them on the machine.
REQUIRED_APT_FONT_PACKAGES: tuple[str, ...] = (
    "fonts-cantarell",
    "fonts-comfortaa",
    "fonts-croscore",
    "fonts-crosextra-caladea",
    "fonts-crosextra-carlito",
    "fonts-dejavu-core",
    "fonts-dejavu-extra",
    "fonts-ebgaramond",
    "fonts-font-awesome",
    "fonts-freefont-ttf",
    "fonts-hack",
    "fonts-inter",
    "fonts-jura",
    "fonts-karla",
    "fonts-lato",
    "fonts-league-spartan",
    "fonts-liberation2",
    "fonts-linuxlibertine",
    "fonts-manrope",
    "fonts-noto-core",
    "fonts-open-sans",
    "fonts-paratype",
    "fonts-play",
    "fonts-quicksand",
    "fonts-roboto-unhinted",
    "fonts-sil-charis",
    "fonts-urw-base35",
    "fonts-vollkorn",
    "fonts-yanone-kaffeesatz",
)


@dataclass(frozen=True)
class FontFamily:
    """Paths (under FONT_ROOT) of one family's faces; missing faces fall back to regular."""

    name: str
    regular: str
    bold: str | None = None
    italic: str | None = None
    light: str | None = None
    serif: bool = False

    def face(self, weight: str) -> Path:
        """``weight`` is regular, bold, italic or light; the file of the nearest face there is."""
        chosen = getattr(self, weight, None) or self.regular
        path = FONT_ROOT / chosen
        return path if path.is_file() else FONT_ROOT / self.regular


_TT = "truetype"
_OT = "opentype"
FAMILIES: tuple[FontFamily, ...] = (
    FontFamily("DejaVu Sans", f"{_TT}/dejavu/DejaVuSans.ttf", f"{_TT}/dejavu/DejaVuSans-Bold.ttf",
               f"{_TT}/dejavu/DejaVuSans-Oblique.ttf", f"{_TT}/dejavu/DejaVuSans-ExtraLight.ttf"),
    FontFamily("DejaVu Sans Condensed", f"{_TT}/dejavu/DejaVuSansCondensed.ttf",
               f"{_TT}/dejavu/DejaVuSansCondensed-Bold.ttf",
               f"{_TT}/dejavu/DejaVuSansCondensed-Oblique.ttf"),
    FontFamily("DejaVu Serif", f"{_TT}/dejavu/DejaVuSerif.ttf",
               f"{_TT}/dejavu/DejaVuSerif-Bold.ttf", f"{_TT}/dejavu/DejaVuSerif-Italic.ttf",
               serif=True),
    FontFamily("Liberation Sans", f"{_TT}/liberation2/LiberationSans-Regular.ttf",
               f"{_TT}/liberation2/LiberationSans-Bold.ttf",
               f"{_TT}/liberation2/LiberationSans-Italic.ttf"),
    FontFamily("Liberation Serif", f"{_TT}/liberation2/LiberationSerif-Regular.ttf",
               f"{_TT}/liberation2/LiberationSerif-Bold.ttf",
               f"{_TT}/liberation2/LiberationSerif-Italic.ttf", serif=True),
    FontFamily("Noto Sans", f"{_TT}/noto/NotoSans-Regular.ttf", f"{_TT}/noto/NotoSans-Bold.ttf",
               f"{_TT}/noto/NotoSans-Italic.ttf"),
    FontFamily("Noto Serif", f"{_TT}/noto/NotoSerif-Regular.ttf", f"{_TT}/noto/NotoSerif-Bold.ttf",
               f"{_TT}/noto/NotoSerif-Italic.ttf", serif=True),
    FontFamily("Open Sans", f"{_TT}/open-sans/OpenSans-Regular.ttf",
               f"{_TT}/open-sans/OpenSans-Bold.ttf", f"{_TT}/open-sans/OpenSans-Italic.ttf",
               f"{_TT}/open-sans/OpenSans-Light.ttf"),
    FontFamily("Roboto", f"{_TT}/roboto/unhinted/RobotoTTF/Roboto-Regular.ttf",
               f"{_TT}/roboto/unhinted/RobotoTTF/Roboto-Bold.ttf",
               f"{_TT}/roboto/unhinted/RobotoTTF/Roboto-Italic.ttf",
               f"{_TT}/roboto/unhinted/RobotoTTF/Roboto-Light.ttf"),
    FontFamily("Roboto Condensed", f"{_TT}/roboto/unhinted/RobotoCondensed-Regular.ttf",
               f"{_TT}/roboto/unhinted/RobotoCondensed-Bold.ttf",
               f"{_TT}/roboto/unhinted/RobotoCondensed-Italic.ttf",
               f"{_TT}/roboto/unhinted/RobotoCondensed-Light.ttf"),
    FontFamily("Carlito", f"{_TT}/crosextra/Carlito-Regular.ttf",
               f"{_TT}/crosextra/Carlito-Bold.ttf", f"{_TT}/crosextra/Carlito-Italic.ttf"),
    FontFamily("Caladea", f"{_TT}/crosextra/Caladea-Regular.ttf",
               f"{_TT}/crosextra/Caladea-Bold.ttf", f"{_TT}/crosextra/Caladea-Italic.ttf",
               serif=True),
    FontFamily("PT Sans", f"{_TT}/paratype/PTS55F.ttf", f"{_TT}/paratype/PTS75F.ttf",
               f"{_TT}/paratype/PTS56F.ttf"),
    FontFamily("PT Sans Narrow", f"{_TT}/paratype/PTN57F.ttf", f"{_TT}/paratype/PTN77F.ttf"),
    FontFamily("PT Serif", f"{_TT}/paratype/PTF55F.ttf", f"{_TT}/paratype/PTF75F.ttf",
               f"{_TT}/paratype/PTF56F.ttf", serif=True),
    FontFamily("FreeSans", f"{_TT}/freefont/FreeSans.ttf", f"{_TT}/freefont/FreeSansBold.ttf",
               f"{_TT}/freefont/FreeSansOblique.ttf"),
    FontFamily("FreeSerif", f"{_TT}/freefont/FreeSerif.ttf", f"{_TT}/freefont/FreeSerifBold.ttf",
               f"{_TT}/freefont/FreeSerifItalic.ttf", serif=True),
    FontFamily("Lato", f"{_TT}/lato/Lato-Regular.ttf", f"{_TT}/lato/Lato-Bold.ttf",
               f"{_TT}/lato/Lato-Italic.ttf", f"{_TT}/lato/Lato-Light.ttf"),
    FontFamily("Inter", f"{_OT}/inter/Inter-Regular.otf", f"{_OT}/inter/Inter-Bold.otf",
               f"{_OT}/inter/Inter-Italic.otf", f"{_OT}/inter/Inter-Light.otf"),
    FontFamily("EB Garamond", f"{_OT}/ebgaramond/EBGaramond12-Regular.otf",
               f"{_OT}/ebgaramond/EBGaramond12-Bold.otf",
               f"{_OT}/ebgaramond/EBGaramond12-Italic.otf", serif=True),
    FontFamily("Comfortaa", f"{_TT}/comfortaa/Comfortaa-Regular.ttf",
               f"{_TT}/comfortaa/Comfortaa-Bold.ttf", light=f"{_TT}/comfortaa/Comfortaa-Light.ttf"),
    FontFamily("Jura", f"{_OT}/jura/Jura-Regular.otf", f"{_OT}/jura/Jura-Bold.otf",
               light=f"{_OT}/jura/Jura-Light.otf"),
    # The URW clones of the PostScript core fonts (Helvetica, Times, Palatino, Century
    # Schoolbook, Avant Garde, Bookman) and Chrome OS's Arial/Times/Courier clones: what
    # most printed cards are set in.
    FontFamily("Nimbus Sans", f"{_OT}/urw-base35/NimbusSans-Regular.otf",
               f"{_OT}/urw-base35/NimbusSans-Bold.otf", f"{_OT}/urw-base35/NimbusSans-Italic.otf"),
    FontFamily("Nimbus Sans Narrow", f"{_OT}/urw-base35/NimbusSansNarrow-Regular.otf",
               f"{_OT}/urw-base35/NimbusSansNarrow-Bold.otf",
               f"{_OT}/urw-base35/NimbusSansNarrow-Oblique.otf"),
    FontFamily("Nimbus Roman", f"{_OT}/urw-base35/NimbusRoman-Regular.otf",
               f"{_OT}/urw-base35/NimbusRoman-Bold.otf",
               f"{_OT}/urw-base35/NimbusRoman-Italic.otf", serif=True),
    FontFamily("P052", f"{_OT}/urw-base35/P052-Roman.otf", f"{_OT}/urw-base35/P052-Bold.otf",
               f"{_OT}/urw-base35/P052-Italic.otf", serif=True),
    FontFamily("C059", f"{_OT}/urw-base35/C059-Roman.otf", f"{_OT}/urw-base35/C059-Bold.otf",
               f"{_OT}/urw-base35/C059-Italic.otf", serif=True),
    FontFamily("URW Gothic", f"{_OT}/urw-base35/URWGothic-Book.otf",
               f"{_OT}/urw-base35/URWGothic-Demi.otf",
               f"{_OT}/urw-base35/URWGothic-BookOblique.otf"),
    FontFamily("URW Bookman", f"{_OT}/urw-base35/URWBookman-Light.otf",
               f"{_OT}/urw-base35/URWBookman-Demi.otf",
               f"{_OT}/urw-base35/URWBookman-LightItalic.otf", serif=True),
    FontFamily("Arimo", f"{_TT}/croscore/Arimo-Regular.ttf", f"{_TT}/croscore/Arimo-Bold.ttf",
               f"{_TT}/croscore/Arimo-Italic.ttf"),
    FontFamily("Tinos", f"{_TT}/croscore/Tinos-Regular.ttf", f"{_TT}/croscore/Tinos-Bold.ttf",
               f"{_TT}/croscore/Tinos-Italic.ttf", serif=True),
    FontFamily("Cousine", f"{_TT}/croscore/Cousine-Regular.ttf",
               f"{_TT}/croscore/Cousine-Bold.ttf", f"{_TT}/croscore/Cousine-Italic.ttf"),
    FontFamily("Cantarell", f"{_OT}/cantarell/Cantarell-Regular.otf",
               f"{_OT}/cantarell/Cantarell-Bold.otf", light=f"{_OT}/cantarell/Cantarell-Light.otf"),
    FontFamily("Quicksand", f"{_TT}/quicksand/Quicksand-Regular.ttf",
               f"{_TT}/quicksand/Quicksand-Bold.ttf", light=f"{_TT}/quicksand/Quicksand-Light.ttf"),
    FontFamily("Karla", f"{_TT}/karla/Karla-Regular.otf", f"{_TT}/karla/Karla-Bold.otf",
               f"{_TT}/karla/Karla-Italic.otf", f"{_TT}/karla/Karla-Light.otf"),
    FontFamily("Manrope", f"{_TT}/manrope/Manrope-Regular.ttf", f"{_TT}/manrope/Manrope-Bold.ttf",
               light=f"{_TT}/manrope/Manrope-Light.ttf"),
    FontFamily("League Spartan", f"{_OT}/league-spartan/LeagueSpartan-Regular.otf",
               f"{_OT}/league-spartan/LeagueSpartan-Bold.otf",
               light=f"{_OT}/league-spartan/LeagueSpartan-Light.otf"),
    FontFamily("Hack", f"{_TT}/hack/Hack-Regular.ttf", f"{_TT}/hack/Hack-Bold.ttf",
               f"{_TT}/hack/Hack-Italic.ttf"),
    FontFamily("Play", f"{_TT}/play/Play-Regular.ttf", f"{_TT}/play/Play-Bold.ttf"),
    FontFamily("Vollkorn", f"{_TT}/vollkorn/Vollkorn-Regular.ttf",
               f"{_TT}/vollkorn/Vollkorn-Bold.ttf", f"{_TT}/vollkorn/Vollkorn-Italic.ttf",
               serif=True),
    FontFamily("Linux Libertine", f"{_OT}/linux-libertine/LinLibertine_R.otf",
               f"{_OT}/linux-libertine/LinLibertine_RB.otf",
               f"{_OT}/linux-libertine/LinLibertine_RI.otf", serif=True),
    FontFamily("Linux Biolinum", f"{_OT}/linux-libertine/LinBiolinum_R.otf",
               f"{_OT}/linux-libertine/LinBiolinum_RB.otf",
               f"{_OT}/linux-libertine/LinBiolinum_RI.otf"),
    FontFamily("Charis SIL", f"{_TT}/charis/CharisSIL-Regular.ttf",
               f"{_TT}/charis/CharisSIL-Bold.ttf", f"{_TT}/charis/CharisSIL-Italic.ttf",
               serif=True),
    FontFamily("Yanone Kaffeesatz", f"{_OT}/yanone-kaffeesatz/YanoneKaffeesatz-Regular.otf",
               f"{_OT}/yanone-kaffeesatz/YanoneKaffeesatz-Bold.otf",
               light=f"{_OT}/yanone-kaffeesatz/YanoneKaffeesatz-Light.otf"),
)
ICON_FONT = f"{_TT}/font-awesome/fontawesome-webfont.ttf"
# A code point no font here draws: its glyph is the font's "missing" box.
_MISSING = "\U0010fffd"
_COVERAGE_PROBE_SIZE = 24


class NoUsableFontError(RuntimeError):
    """No font of the catalogue is installed; the message names the apt packages to install."""


@functools.lru_cache(maxsize=512)
def load(path: Path | str, size: int) -> ImageFont.FreeTypeFont:
    """A font at a pixel size, cached: cards reuse a handful of (face, size) pairs."""
    return ImageFont.truetype(str(path), size)


@functools.lru_cache(maxsize=65536)
def draws(path: Path | str, char: str) -> bool:
    """Whether the font has a glyph for ``char`` rather than its missing-glyph box."""
    if char.isspace():
        return True
    font = load(path, _COVERAGE_PROBE_SIZE)
    glyph, missing = font.getmask(char), font.getmask(_MISSING)
    return glyph.size != missing.size or bytes(glyph) != bytes(missing)


def draws_text(path: Path | str, text: str) -> bool:
    return all(draws(path, char) for char in set(text))


@functools.lru_cache(maxsize=1)
def installed_families() -> tuple[FontFamily, ...]:
    """The catalogue's families whose regular face is on this machine."""
    found = tuple(f for f in FAMILIES if (FONT_ROOT / f.regular).is_file())
    if not found:
        raise NoUsableFontError(
            f"No card font found under {FONT_ROOT}. Install them with: "
            f"apt-get install -y {' '.join(REQUIRED_APT_FONT_PACKAGES)}"
        )
    return found


@functools.lru_cache(maxsize=4)
def families_for(script: str) -> tuple[FontFamily, ...]:
    """Installed families that print ``script`` ("latin" or "cyrillic") in regular and bold."""
    probe = "ЖжЩщЫыЁёЮюФф" if script == "cyrillic" else "ÄäÖößÉéÇçÑñÕõŁł€"
    usable = tuple(
        family for family in installed_families()
        if all(draws_text(family.face(w), probe) for w in ("regular", "bold"))
    )
    if not usable:
        raise NoUsableFontError(
            f"No installed font prints {script} text. Install: "
            f"apt-get install -y {' '.join(REQUIRED_APT_FONT_PACKAGES)}"
        )
    return usable


def icon_font_path() -> Path | None:
    """Font Awesome, for phone/envelope/globe pictograms; None when it is not installed."""
    path = FONT_ROOT / ICON_FONT
    return path if path.is_file() else None
