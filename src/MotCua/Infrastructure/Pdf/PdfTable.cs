using PdfSharp.Drawing;

namespace MotCua.Infrastructure.Pdf;

/// <summary>Rows of cells across a form's page, the last column taking what the others leave (a report's table).</summary>
public sealed class PdfTable
{
    private readonly FormWriter f;
    private readonly double[] widths;
    private readonly bool ruled;

    public PdfTable(FormWriter f, double[] widths, bool ruled)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(widths);
        this.f = f;
        this.widths = widths;
        this.ruled = ruled;
        widths[^1] = f.Width - widths[..^1].Sum();
    }

    /// <summary>One row: the first cell left, the others centred; a light rule under it when the table is ruled.</summary>
    public void Row(string[] cells, XFont font)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var (top, bottom, x) = (f.Y, f.Y, FormWriter.Left);
        for (var i = 0; i < cells.Length; i++)
        {
            f.Y = top;
            f.Line(cells[i], font, center: i > 0, x: x, columnWidth: widths[i]);
            bottom = Math.Max(bottom, f.Y);
            x += widths[i];
        }

        f.Y = bottom;
        if (ruled)
        {
            f.Graphics.DrawLine(XPens.LightGray, FormWriter.Left, f.Y - 2, FormWriter.Left + f.Width, f.Y - 2);
        }
    }
}
