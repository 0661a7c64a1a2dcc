using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Letters;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CaseDesk.App.Components.Pages.Letters;

/// <summary>
/// The information letter as an A4 PDF, laid out like the print view: letterhead, date and number, the address block,
/// the subject, the text (wrapped, over as many pages as it needs) and the signature when the text lost it.
/// </summary>
public static class LetterPdf
{
    private const double Margin = 56.7; // 2 cm
    private const double Size = 11;

    public static byte[] Render(LetterDetails letter, DateOnly date, string fontDirectory = LetterFonts.DefaultDirectory)
    {
        LetterFonts.Install(fontDirectory);
        var regular = new XFont(LetterFonts.Family, Size, XFontStyleEx.Regular);
        var bold = new XFont(LetterFonts.Family, Size, XFontStyleEx.Bold);
        using var document = new PdfDocument();
        document.Info.Title = letter.Subject;
        document.Info.Author = letter.Author;
        var sheet = new Sheet(document);

        sheet.Centered(Letterhead.Organisation.ToUpperInvariant(), bold);
        sheet.Centered(Letterhead.Department, bold);
        sheet.Rule();
        sheet.Line(date.ToString("yyyy-MM-dd"), regular);
        sheet.Line("Nr. " + letter.CaseNumber, regular);
        sheet.Gap();
        sheet.Line(letter.ClientName, regular);
        if (!string.IsNullOrWhiteSpace(letter.ClientAddress))
            foreach (var part in letter.ClientAddress.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                sheet.Paragraph(part, regular);
        sheet.Gap();
        sheet.Paragraph(letter.Subject, bold);
        sheet.Gap();
        foreach (var paragraph in letter.Body.Replace("\r\n", "\n").Split('\n'))
            sheet.Paragraph(paragraph, regular);
        if (!SignedInBody(letter))
        {
            sheet.Gap();
            foreach (var line in new[] { Closing(letter.Language), letter.Author, letter.AuthorPosition, letter.AuthorUnit })
                sheet.Paragraph(line, regular);
            if (!string.IsNullOrWhiteSpace(letter.AuthorPhone))
                sheet.Paragraph("Tel. " + letter.AuthorPhone, regular);
        }
        sheet.Dispose();

        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    /// <summary>The file name: the case number and the date, in characters every system accepts.</summary>
    public static string FileName(LetterDetails letter, DateOnly date) =>
        $"laiskas-{new string(letter.CaseNumber.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray())}-{date:yyyy-MM-dd}.pdf";

    /// <summary>As the print view: the templates end with the signature (section 11); a text that lost it gets it under the text.</summary>
    public static bool SignedInBody(LetterDetails letter) =>
        letter.Author.Length > 0 && letter.Body.Contains(letter.Author, StringComparison.Ordinal);

    private static string Closing(ClientLanguage language) => language switch
    {
        ClientLanguage.English => "Yours sincerely,",
        ClientLanguage.Russian => "С уважением",
        _ => "Pagarbiai",
    };

    /// <summary>Writes lines top to bottom, starting a new page when the page is full.</summary>
    private sealed class Sheet(PdfDocument document) : IDisposable
    {
        private XGraphics? graphics;
        private PdfPage? page;
        private double y;

        private double Width => page!.Width.Point - 2 * Margin;

        private XGraphics Graphics
        {
            get
            {
                if (graphics is null)
                    NewPage();
                return graphics!;
            }
        }

        private void NewPage()
        {
            graphics?.Dispose();
            page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            graphics = XGraphics.FromPdfPage(page);
            y = Margin;
        }

        private double Advance(XFont font)
        {
            var height = font.GetHeight() * 1.15;
            if (graphics is null || y + height > page!.Height.Point - Margin)
                NewPage();
            var top = y;
            y += height;
            return top;
        }

        public void Centered(string text, XFont font)
        {
            var top = Advance(font);
            Graphics.DrawString(text, font, XBrushes.Black, new XRect(Margin, top, Width, font.GetHeight()), XStringFormats.TopCenter);
        }

        public void Rule()
        {
            var g = Graphics;
            y += 4;
            g.DrawLine(XPens.Black, Margin, y, Margin + Width, y);
            y += 14;
        }

        public void Gap() => y += Size;

        public void Line(string text, XFont font)
        {
            var top = Advance(font);
            Graphics.DrawString(text, font, XBrushes.Black, Margin, top, XStringFormats.TopLeft);
        }

        /// <summary>One paragraph wrapped at word boundaries; an empty one is an empty line.</summary>
        public void Paragraph(string text, XFont font)
        {
            // Graphics is read anew each time: a line written may have started a new page.
            var line = "";
            foreach (var word in text.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && Graphics.MeasureString(candidate, font).Width > Width)
                {
                    Line(line, font);
                    line = word;
                }
                else
                {
                    line = candidate;
                }
                // A word longer than the line (a long link) is cut where it overflows.
                while (Graphics.MeasureString(line, font).Width > Width && line.Length > 1)
                {
                    var fits = line.Length - 1;
                    while (fits > 1 && Graphics.MeasureString(line[..fits], font).Width > Width) fits--;
                    Line(line[..fits], font);
                    line = line[fits..];
                }
            }
            Line(line, font);
        }

        public void Dispose() => graphics?.Dispose();
    }
}
