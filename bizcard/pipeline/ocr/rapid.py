"""PaddleOCR's PP-OCR models run by rapidocr on onnxruntime: the default engine.

The models ship inside the rapidocr wheel. Only the default language and model type are
used, because any other choice makes rapidocr download at first call.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from bizcard.pipeline.errors import OcrUnavailable
from bizcard.pipeline.ocr.words import words_of_line
from bizcard.pipeline.types import Word

# The det/rec/cls files the pinned rapidocr 3.10 ships and uses by default.
BUNDLED_MODELS = (
    "PP-OCRv6_det_small.onnx",
    "PP-OCRv6_rec_small.onnx",
    "ch_ppocr_mobile_v2.0_cls_mobile.onnx",
)

DETECTION_SIDE = 640


class RapidOcrEngine:
    name = "rapidocr"

    def __init__(self, *, threads: int) -> None:
        try:
            import rapidocr
            from rapidocr import RapidOCR
        except ImportError as exc:
            raise OcrUnavailable(
                "rapidocr is not installed: pip install rapidocr==3.10.0 onnxruntime"
            ) from exc
        models = Path(rapidocr.__file__).parent / "models"
        missing = [name for name in BUNDLED_MODELS if not (models / name).is_file()]
        if missing:
            raise OcrUnavailable(
                f"rapidocr model files missing in {models}: {', '.join(missing)}; "
                "reinstall rapidocr==3.10.0 (BizCard never downloads models)"
            )
        self._ocr = RapidOCR(
            params={
                "Global.return_word_box": True,
                "Global.log_level": "error",
                # Detection on at most 640 px: a card's text stays legible, and detection
                # time drops from ~1.7 s to ~0.25 s on 2 cores for a 1600 px card.
                "Det.limit_side_len": DETECTION_SIDE,
                "Det.limit_type": "max",
                "EngineConfig.onnxruntime.intra_op_num_threads": threads,
                "EngineConfig.onnxruntime.inter_op_num_threads": 1,
            }
        )

    def read(self, image: np.ndarray) -> list[Word]:
        result = self._ocr(image)
        words: list[Word] = []
        for line_no, (line_text, line_score, pieces) in enumerate(
            zip(result.txts or (), result.scores or (), result.word_results or (), strict=True)
        ):
            tokens = [
                (str(text), tuple((float(x), float(y)) for x, y in quad))
                for text, _, quad in pieces
            ]
            words.extend(
                Word(text, quad, float(line_score), line_no)  # type: ignore[arg-type]
                for text, quad in words_of_line(str(line_text), tokens)  # type: ignore[arg-type]
            )
        return words
