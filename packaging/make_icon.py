"""Draw the application icon (packaging/kpu-desk.ico and resources/icons/kpu-desk.png) with Pillow.

The files are committed; run this only to change the icon:

    python packaging/make_icon.py

A red tile (the KPU's red) with "KPU" in white and a white tick under it: a
finished step of an SOP. Drawn large and scaled down, so the small sizes stay crisp.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
RED = (183, 28, 28, 255)
WHITE = (255, 255, 255, 255)
SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "C:/Windows/Fonts/arialbd.ttf",
)


def _font(size: int) -> ImageFont.ImageFont:
    for candidate in FONT_CANDIDATES:
        if Path(candidate).is_file():
            return ImageFont.truetype(candidate, size)
    return ImageFont.load_default(size)


def draw(side: int = 1024) -> Image.Image:
    image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((0, 0, side - 1, side - 1), radius=side // 6, fill=RED)
    font = _font(side * 36 // 100)
    box = pen.textbbox((0, 0), "KPU", font=font)
    width = box[2] - box[0]
    pen.text(((side - width) / 2 - box[0], side * 0.16 - box[1]), "KPU", font=font, fill=WHITE)
    u = side / 100
    pen.line([(30 * u, 70 * u), (44 * u, 83 * u), (72 * u, 58 * u)], fill=WHITE, width=int(9 * u), joint="curve")
    return image


def main() -> None:
    image = draw()
    # The PNG is the window icon the application sets itself (resources/, found by kpu_desk.paths).
    image.resize((256, 256), Image.LANCZOS).save(HERE.parent / "resources" / "icons" / "kpu-desk.png")
    image.save(HERE / "kpu-desk.ico", sizes=SIZES)


if __name__ == "__main__":
    main()
