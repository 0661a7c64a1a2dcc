using System.Globalization;
using System.Text;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using CsvHelper;
using CsvHelper.Configuration;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Audit;

/// <summary>The audit rows matching the screen's filter as a CSV file (UTF-8 with BOM, ';' as Lithuanian Excel expects), newest first. Audited like the list.</summary>
[AllowedRoles(Roles.Admin, Roles.QualityOfficer)]
public sealed record ExportAuditEntriesCsv(AuditFilter Filter) : IQuery<byte[]>, IAuditedRead
{
    string IAuditedRead.AuditedRecordType => nameof(AuditEntry);
    string? IAuditedRead.AuditedRecordId => null;

    /// <summary>More rows than this is an archive job, not a download: narrow the dates.</summary>
    public const int MaxRows = 100_000;
}

internal sealed class ExportAuditEntriesCsvValidator : AbstractValidator<ExportAuditEntriesCsv>
{
    public ExportAuditEntriesCsvValidator() => RuleFor(r => r.Filter).NotNull().SetValidator(new AuditFilterValidator());
}

internal sealed class ExportAuditEntriesCsvHandler(CaseDeskDb db) : IRequestHandler<ExportAuditEntriesCsv, byte[]>
{
    public async Task<byte[]> Handle(ExportAuditEntriesCsv request, CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking().Filtered(request.Filter);
        if (await query.CountAsync(ct) > ExportAuditEntriesCsv.MaxRows)
            throw new DomainRefusalException(DomainText.T("The export is not made because more than 100,000 rows match; choose a shorter period."));

        using var stream = new MemoryStream();
        await using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        await using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" }))
        {
            foreach (var header in new[] { "Id", "Time (Vilnius)", "User", "Kind", "Action", "Record type", "Record id", "Fields", "Reason", "Outside unit" })
                csv.WriteField(header);
            await csv.NextRecordAsync();
            await foreach (var row in query.OrderByDescending(a => a.Id).Rows().AsAsyncEnumerable().WithCancellation(ct))
            {
                csv.WriteField(row.Id);
                csv.WriteField(VilniusTime.ToLocal(row.AtUtc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
                csv.WriteField(row.UserName);
                csv.WriteField(row.Kind.ToString());
                csv.WriteField(row.Action);
                csv.WriteField(row.EntityType);
                csv.WriteField(row.EntityId);
                csv.WriteField(row.Fields);
                csv.WriteField(row.Reason);
                csv.WriteField(row.OutsideUnit ? "yes" : "");
                await csv.NextRecordAsync();
            }
        }
        return stream.ToArray();
    }
}
