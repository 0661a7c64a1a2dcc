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

/// <summary>
/// The audit rows matching the screen's filter as a CSV file (UTF-8 with BOM, ';' as Lithuanian Excel expects), newest first,
/// with the screen's human columns in the caller's language and the stored identifiers last. It names clients, so the
/// export is audited as a read of the clients it named.
/// </summary>
[AllowedRoles(Roles.Admin, Roles.QualityOfficer)]
public sealed record ExportAuditEntriesCsv(AuditFilter Filter) : IQuery<AuditCsvFile>, IReadsPersonalData
{
    Guid? IReadsPersonalData.ClientId => null;

    /// <summary>More rows than this is an archive job, not a download: narrow the dates.</summary>
    public const int MaxRows = 100_000;
}

public sealed record AuditCsvFile(byte[] Content, IReadOnlyList<Guid> ClientsNamed) : IShowsClients
{
    IEnumerable<Guid> IShowsClients.ClientIdsShown => ClientsNamed;
}

internal sealed class ExportAuditEntriesCsvValidator : AbstractValidator<ExportAuditEntriesCsv>
{
    public ExportAuditEntriesCsvValidator() => RuleFor(r => r.Filter).NotNull().SetValidator(new AuditFilterValidator());
}

internal sealed class ExportAuditEntriesCsvHandler(CaseDeskDb db) : IRequestHandler<ExportAuditEntriesCsv, AuditCsvFile>
{
    /// <summary>Rows named per batch: one set of reference look-ups per batch, not per row.</summary>
    private const int Batch = 500;

    public async Task<AuditCsvFile> Handle(ExportAuditEntriesCsv request, CancellationToken ct)
    {
        var query = await db.FilteredAsync(request.Filter, ct);
        if (await query.CountAsync(ct) > ExportAuditEntriesCsv.MaxRows)
            throw new DomainRefusalException(DomainText.T("The export is not made because more than 100,000 rows match; choose a shorter period."));

        var named = new HashSet<Guid>();
        using var stream = new MemoryStream();
        await using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        await using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" }))
        {
            foreach (var header in Headers)
                csv.WriteField(DomainText.T(header));
            await csv.NextRecordAsync();
            long? before = null;
            while (true)
            {
                var batchQuery = before is { } last ? query.Where(a => a.Id < last) : query;
                var stored = await batchQuery.OrderByDescending(a => a.Id).Take(Batch).Stored().ToListAsync(ct);
                if (stored.Count == 0)
                    break;
                var reader = new AuditRowReader(db);
                foreach (var (row, raw) in (await reader.ReadAsync(stored, ct)).Zip(stored))
                {
                    csv.WriteField(VilniusTime.ToLocal(row.AtUtc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
                    csv.WriteField(BidiText.Balance(row.Person.Name));
                    csv.WriteField(row.Person.Roles);
                    csv.WriteField(row.ActionName);
                    csv.WriteField(row.KindName);
                    csv.WriteField(BidiText.Balance(row.Record?.Display));
                    csv.WriteField(string.Join(Environment.NewLine, row.Details.Select(BidiText.Balance)));
                    csv.WriteField(BidiText.Balance(row.Reason)); // each cell closes its own direction controls (docs/privacy.md)
                    csv.WriteField(row.OutsideUnit ? DomainText.T("yes") : "");
                    csv.WriteField(row.Person.Login);
                    csv.WriteField(row.Action);
                    csv.WriteField(row.Record?.Type);
                    csv.WriteField(raw.EntityId);
                    csv.WriteField(row.Id);
                    await csv.NextRecordAsync();
                }
                named.UnionWith(reader.ClientsNamed);
                before = stored[^1].Id;
            }
        }
        return new AuditCsvFile(stream.ToArray(), named.ToList());
    }

    /// <summary>The screen's columns, then the stored identifiers for a cross-check.</summary>
    internal static readonly string[] Headers =
        ["Time (Vilnius)", "Person", "Role", "Action", "Kind", "Record", "Details", "Reason", "Outside the unit",
         "Login", "Request (code)", "Record type (code)", "Record id", "Audit row id"];
}
