package org.practicepulse.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * An RGB image embedded losslessly (FlateDecode) with the PNG "Up" predictor on every row. PDFBox's
 * LosslessFactory tries each of the five PNG predictors on every row to pick the best: on the
 * 1440 × 540 chart of the weekly report that was the largest single cost of the PDF writer. A
 * chart is mostly flat colour in vertical runs, so "Up" alone compresses it about as well, at a
 * fraction of the cost.
 */
final class FlateImage {

    private FlateImage() {
    }

    static PDImageXObject of(PDDocument document, BufferedImage image) throws IOException {
        int width = image.getWidth();
        int height = image.getHeight();
        int rowBytes = 3 * width;
        int[] pixels = new int[width];
        byte[] previous = new byte[rowBytes];
        byte[] row = new byte[rowBytes];
        byte[] line = new byte[rowBytes + 1];
        line[0] = 2; // PNG filter type Up
        ByteArrayOutputStream encoded = new ByteArrayOutputStream(rowBytes * height / 20);
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try (DeflaterOutputStream out = new DeflaterOutputStream(encoded, deflater, 64 * 1024)) {
            for (int y = 0; y < height; y++) {
                image.getRGB(0, y, width, 1, pixels, 0, width);
                for (int x = 0, i = 0; x < width; x++) {
                    int p = pixels[x];
                    row[i++] = (byte) (p >> 16);
                    row[i++] = (byte) (p >> 8);
                    row[i++] = (byte) p;
                }
                for (int i = 0; i < rowBytes; i++) {
                    line[i + 1] = (byte) (row[i] - previous[i]);
                }
                out.write(line);
                byte[] swap = previous;
                previous = row;
                row = swap;
            }
        } finally {
            deflater.end();
        }
        PDImageXObject xobject = new PDImageXObject(document, new ByteArrayInputStream(encoded.toByteArray()), COSName.FLATE_DECODE,
                width, height, 8, PDDeviceRGB.INSTANCE);
        COSDictionary parameters = new COSDictionary();
        parameters.setInt(COSName.PREDICTOR, 12); // PNG predictors, chosen per row (here always Up)
        parameters.setInt(COSName.COLORS, 3);
        parameters.setInt(COSName.BITS_PER_COMPONENT, 8);
        parameters.setInt(COSName.COLUMNS, width);
        xobject.getCOSObject().setItem(COSName.DECODE_PARMS, parameters);
        return xobject;
    }
}
