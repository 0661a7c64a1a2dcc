using System.Globalization;
using System.Text;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using CsvHelper;
using CsvHelper.Configuration;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Complaints;

public enum AnalysisDimension
{
    RootCause = 1,
    Touchpoint = 2,
    Commitment = 3,
    Unit = 4,
}

/// <summary>
/// 12.3: complaints of a period (local dates, inclusive, by when they were received), counted by root
/// cause, touchpoint, commitment and unit, in total and month by month. Every figure carries the filter
/// that lists the complaints behind it. A complaint tagged with two touchpoints counts under both.
/// </summary>
[AllowedRoles(Roles.Head, Roles.QualityOfficer)]
public sealed record GetComplaintAnalysis(DateOnly From, DateOnly To) : IQuery<ComplaintAnalysis>;

/// <summary>The same analysis as a CSV file for Excel: UTF-8 with a byte-order mark, ';'-separated as Lithuanian Excel expects.</summary>
[AllowedRoles(Roles.Head, Roles.QualityOfficer)]
public sealed record ExportComplaintAnalysisCsv(DateOnly From, DateOnly To) : IQuery<byte[]>;

public sealed record ComplaintAnalysis(DateOnly From, DateOnly To, int Complaints, int Suggestions, int Praise, int OpenComplaints, int DepartmentAtFault,
    ComplaintFilter AllComplaints, IReadOnlyList<AnalysisCell> Months, IReadOnlyList<AnalysisTable> Tables);

public sealed record AnalysisTable(AnalysisDimension Dimension, IReadOnlyList<AnalysisFigure> Rows);

/// <summary>One category: its total over the period and its count per month (same months as <see cref="ComplaintAnalysis.Months"/>).</summary>
public sealed record AnalysisFigure(string Key, string Label, int Count, ComplaintFilter DrillDown, IReadOnlyList<AnalysisCell> Trend);

/// <summary>A month of the period ("2026-03"), cut to the period at its ends.</summary>
public sealed record AnalysisCell(string Month, int Count, ComplaintFilter DrillDown);

internal sealed class GetComplaintAnalysisValidator : AbstractValidator<GetComplaintAnalysis>
{
    public GetComplaintAnalysisValidator()
    {
        RuleFor(r => r.To).Must((r, to) => to >= r.From).WithMessage(_ => T("The period must not end before it starts."));
        RuleFor(r => r.From).Must((r, from) => from >= r.To.AddYears(-5)).WithMessage(_ => T("Choose a period of at most five years."));
    }
}

internal sealed class ExportComplaintAnalysisCsvValidator : AbstractValidator<ExportComplaintAnalysisCsv>
{
    public ExportComplaintAnalysisCsvValidator()
    {
        RuleFor(r => r.To).Must((r, to) => to >= r.From).WithMessage(_ => T("The period must not end before it starts."));
        RuleFor(r => r.From).Must((r, from) => from >= r.To.AddYears(-5)).WithMessage(_ => T("Choose a period of at most five years."));
    }
}

internal sealed class ComplaintAnalysisHandler(CaseDeskDb db) :
    IRequestHandler<GetComplaintAnalysis, ComplaintAnalysis>, IRequestHandler<ExportComplaintAnalysisCsv, byte[]>
{
    public Task<ComplaintAnalysis> Handle(GetComplaintAnalysis request, CancellationToken ct) => AnalyseAsync(request.From, request.To, ct);

    public async Task<byte[]> Handle(ExportComplaintAnalysisCsv request, CancellationToken ct)
    {
        var analysis = await AnalyseAsync(request.From, request.To, ct);
        using var stream = new MemoryStream();
        await using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        await using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.GetCultureInfo("lt-LT")) { Delimiter = ";" }))
        {
            foreach (var header in new[] { T("Dimension"), T("Code"), T("Name"), T("Total") }.Concat(analysis.Months.Select(m => m.Month)))
                csv.WriteField(header);
            await csv.NextRecordAsync();
            WriteRow(csv, T("All complaints"), "", "", analysis.Complaints, analysis.Months);
            await csv.NextRecordAsync();
            foreach (var table in analysis.Tables)
            {
                foreach (var row in table.Rows)
                {
                    WriteRow(csv, DimensionName(table.Dimension), row.Key, row.Label, row.Count, row.Trend);
                    await csv.NextRecordAsync();
                }
            }
        }
        return stream.ToArray();
    }

    private static void WriteRow(CsvWriter csv, string dimension, string key, string label, int total, IEnumerable<AnalysisCell> months)
    {
        csv.WriteField(dimension);
        csv.WriteField(key);
        csv.WriteField(BidiText.Balance(label));
        csv.WriteField(total);
        foreach (var month in months)
            csv.WriteField(month.Count);
    }

    public static string DimensionName(AnalysisDimension dimension) => dimension switch
    {
        AnalysisDimension.RootCause => T("Root cause"),
        AnalysisDimension.Touchpoint => T("Touchpoint"),
        AnalysisDimension.Commitment => T("Commitment"),
        _ => T("Unit"),
    };

    private async Task<ComplaintAnalysis> AnalyseAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var all = new ComplaintFilter(ComplaintScope.All, FeedbackKind.Complaint, ReceivedFrom: from, ReceivedTo: to);
        var inPeriod = ComplaintQueries.Filtered(db, all);
        var complaints = await inPeriod
            .Select(c => new
            {
                c.ReceivedAtUtc, c.RootCauseCode, c.Stage, c.DepartmentAtFault,
                Tags = c.Tags.Select(t => new { t.Kind, t.Value }).ToList(),
            })
            .ToListAsync(ct);
        var suggestions = await ComplaintQueries.Filtered(db, all with { Kind = FeedbackKind.Suggestion }).CountAsync(ct);
        var praise = await ComplaintQueries.Filtered(db, all with { Kind = FeedbackKind.Praise }).CountAsync(ct);

        var months = Months(from, to);
        var items = complaints.Select(c => new Item(
            MonthOf(c.ReceivedAtUtc),
            new Dictionary<AnalysisDimension, IReadOnlyList<string>>
            {
                [AnalysisDimension.RootCause] = [c.RootCauseCode ?? ComplaintFilter.None],
                [AnalysisDimension.Touchpoint] = KeysOf(c.Tags.Where(t => t.Kind == TagKind.Touchpoint).Select(t => t.Value), "0"),
                [AnalysisDimension.Commitment] = KeysOf(c.Tags.Where(t => t.Kind == TagKind.Commitment).Select(t => t.Value), ComplaintFilter.None),
                [AnalysisDimension.Unit] = KeysOf(c.Tags.Where(t => t.Kind == TagKind.Unit).Select(t => t.Value), Guid.Empty.ToString()),
            })).ToList();

        var causes = await db.RootCauses.AsNoTracking().OrderBy(r => r.Code).ToListAsync(ct);
        var touchpoints = await db.Touchpoints.AsNoTracking().OrderBy(t => t.Number).ToListAsync(ct);
        var commitments = await db.Commitments.AsNoTracking().OrderBy(k => k.Number).ToListAsync(ct);
        var units = await db.OrgUnits.AsNoTracking().OrderBy(u => EF.Functions.Collate(u.NameLt, CaseDeskDb.LithuanianCollation)).ToListAsync(ct);

        // Every category of the standard is listed (a zero says something too); retired root causes and "not set" only when counted.
        var tables = new List<AnalysisTable>
        {
            Table(AnalysisDimension.RootCause, items, months,
                causes.Where(r => r.IsActive || items.Any(i => i.Keys[AnalysisDimension.RootCause].Contains(r.Code)))
                    .Select(r => (r.Code, ComplaintQueries.Localized(r.NameLt, r.NameEn), all with { RootCause = r.Code })),
                (T("Not determined yet"), all with { RootCause = ComplaintFilter.None })),
            Table(AnalysisDimension.Touchpoint, items, months,
                touchpoints.Select(t => (t.Number.ToString(CultureInfo.InvariantCulture), $"{t.Number}. {ComplaintQueries.Localized(t.NameLt, t.NameEn)}",
                    all with { Touchpoint = t.Number })),
                (T("No touchpoint tagged"), all with { Touchpoint = 0 })),
            Table(AnalysisDimension.Commitment, items, months,
                commitments.Select(k => (k.Numeral, $"{k.Numeral} {ComplaintQueries.Localized(k.TitleLt, k.TitleEn)}", all with { Commitment = k.Numeral })),
                (T("No commitment tagged"), all with { Commitment = ComplaintFilter.None })),
            Table(AnalysisDimension.Unit, items, months,
                units.Select(u => (u.Id.ToString(), ComplaintQueries.Localized(u.NameLt, u.NameEn), all with { Unit = u.Id })),
                (T("Not routed yet"), all with { Unit = Guid.Empty })),
        };

        return new ComplaintAnalysis(from, to, complaints.Count, suggestions, praise, complaints.Count(c => c.Stage != ComplaintStage.Closed),
            complaints.Count(c => c.DepartmentAtFault), all,
            months.Select(m => new AnalysisCell(m.Label, items.Count(i => i.Month == m.Label), Within(all, m))).ToList(), tables);
    }

    private static IReadOnlyList<string> KeysOf(IEnumerable<string> values, string none)
    {
        var keys = values.Distinct().ToList();
        return keys.Count == 0 ? [none] : keys;
    }

    private static AnalysisTable Table(AnalysisDimension dimension, List<Item> items, IReadOnlyList<Month> months,
        IEnumerable<(string Key, string Label, ComplaintFilter Filter)> categories, (string Label, ComplaintFilter Filter) notSet)
    {
        var known = categories.ToList();
        var noneKey = dimension switch
        {
            AnalysisDimension.Touchpoint => "0",
            AnalysisDimension.Unit => Guid.Empty.ToString(),
            _ => ComplaintFilter.None,
        };
        var rows = known.Append((noneKey, notSet.Label, notSet.Filter))
            .Select(c => Figure(c.Item1, c.Item2, c.Item3, items.Where(i => i.Keys[dimension].Contains(c.Item1)).ToList(), months))
            .Where(f => f.Key != noneKey || f.Count > 0)
            .ToList();
        return new AnalysisTable(dimension, rows);
    }

    private static AnalysisFigure Figure(string key, string label, ComplaintFilter filter, List<Item> matching, IReadOnlyList<Month> months) =>
        new(key, label, matching.Count, filter,
            months.Select(m => new AnalysisCell(m.Label, matching.Count(i => i.Month == m.Label), Within(filter, m))).ToList());

    private static ComplaintFilter Within(ComplaintFilter filter, Month month) => filter with { ReceivedFrom = month.From, ReceivedTo = month.To };

    private static string MonthOf(DateTime utc) => VilniusTime.ToLocal(utc).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static List<Month> Months(DateOnly from, DateOnly to)
    {
        var months = new List<Month>();
        for (var start = new DateOnly(from.Year, from.Month, 1); start <= to; start = start.AddMonths(1))
        {
            var end = start.AddMonths(1).AddDays(-1);
            months.Add(new Month(start.ToString("yyyy-MM", CultureInfo.InvariantCulture), start < from ? from : start, end > to ? to : end));
        }
        return months;
    }

    private sealed record Month(string Label, DateOnly From, DateOnly To);

    private sealed record Item(string Month, Dictionary<AnalysisDimension, IReadOnlyList<string>> Keys);
}
