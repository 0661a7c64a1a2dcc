using CaseDesk.Domain;
using CaseDesk.Domain.Audit;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Letters;
using CaseDesk.Domain.Privacy;
using CaseDesk.Domain.Work;
using CaseDesk.Tests.Support;
using MediatR;

namespace CaseDesk.Tests.UseCases.Privacy;

/// <summary>
/// Issue 8: every read of a client's personal data is audited. The rule checked: every request that is not a command in
/// a feature whose records carry clients' personal data is an audited read (<see cref="IReadsPersonalData"/> or
/// <see cref="IAuditedRead"/>), unless it is on the allow-list below, each entry with why it shows no personal data.
/// </summary>
public sealed class AuditedReadCoverageTests
{
    private static readonly string[] PersonalDataFeatures =
        ["Clients", "Cases", "Contacts", "PhoneMessages", "Emails", "Letters", "Visits", "Privacy", "Work", "Complaints", "Incidents", "Audit"];

    /// <summary>Reads in those features that show no client's personal data, so are not audited.</summary>
    private static readonly Dictionary<Type, string> ShowNoPersonalData = new()
    {
        [typeof(ListLetterTemplates)] = "the department's template texts, with placeholders, no client's data",
        [typeof(GetRetentionSettings)] = "retention periods per record kind",
        [typeof(ListRootCauses)] = "the reference list of root causes",
        [typeof(GetComplaintAnalysis)] = "counts per root cause, touchpoint, commitment and unit; drill-down is ListComplaints (audited)",
        [typeof(ExportComplaintAnalysisCsv)] = "the same counts as a file",
        [typeof(ListStandardReviews)] = "the annual review of the standard: findings and decisions about the service, not about clients",
        [typeof(ListEmployeeCommendations)] = "staff commendations: the employee, why, and a complaint number at most",
        [typeof(GetDeskWaitingOn)] = "whom the desk's complaints wait on: units and their staff by name, complaint ids, no client's data",
    };

    private static readonly Type[] Reads = typeof(DependencyInjection).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false }
            && PersonalDataFeatures.Any(f => t.Namespace == $"CaseDesk.Domain.{f}")
            && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>))
            && !t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>)))
        .OrderBy(t => t.FullName)
        .ToArray();

    [Fact]
    public void The_scan_finds_the_reads_of_those_features()
    {
        Assert.Contains(typeof(GetMyWork), Reads);
        Assert.Contains(typeof(GetSubjectAccessReport), Reads);
        Assert.Contains(typeof(ListAuditEntries), Reads);
        Assert.Contains(typeof(Domain.Clients.GetClient), Reads);
        Assert.DoesNotContain(typeof(RequestErasure), Reads);
    }

    [Fact]
    public void Every_read_of_a_feature_with_personal_data_is_audited_or_allowed_with_a_reason()
    {
        var unaudited = Reads
            .Where(t => !typeof(IReadsPersonalData).IsAssignableFrom(t) && !typeof(IAuditedRead).IsAssignableFrom(t))
            .Where(t => !ShowNoPersonalData.ContainsKey(t))
            .Select(t => t.FullName)
            .ToList();

        Assert.True(unaudited.Count == 0, "Reads of personal data without an audit row: " + string.Join(", ", unaudited));
    }

    [Fact]
    public void The_allow_list_holds_only_reads_that_exist_and_are_not_audited()
    {
        Assert.All(ShowNoPersonalData.Keys, t => Assert.Contains(t, Reads));
        Assert.All(ShowNoPersonalData.Keys, t => Assert.False(typeof(IReadsPersonalData).IsAssignableFrom(t) || typeof(IAuditedRead).IsAssignableFrom(t),
            $"{t.Name} is audited: take it off the allow-list"));
    }

    [Fact]
    public async Task The_work_queue_and_the_audit_trail_and_its_export_are_read_with_an_audit_row_each()
    {
        await using var database = await TestDatabase.CreateAsync();
        var caseworker = await database.CreateCallerAsync(Roles.Caseworker);
        var admin = await database.CreateCallerAsync(Roles.Admin);

        await database.Send(new GetMyWork(), caseworker);
        await database.Send(new ListAuditEntries(new ListWindow(), AuditFilter.None), admin);
        await database.Send(new ExportAuditEntriesCsv(AuditFilter.None), admin);

        var reads = (await database.AuditEntriesAsync()).Where(a => a.Kind == AuditKind.Read)
            .Select(a => (a.Action, a.EntityType, a.EntityId, a.UserId)).ToList();
        Assert.Equal(new (string, string?, string?, string)[]
        {
            (nameof(GetMyWork), nameof(GetMyWork), null, caseworker.UserId),
            // The trail names clients, so reading it is a read of clients' personal data (the clients named go to Fields).
            (nameof(ListAuditEntries), "Client", null, admin.UserId),
            (nameof(ExportAuditEntriesCsv), "Client", null, admin.UserId),
        }, reads);
    }
}
