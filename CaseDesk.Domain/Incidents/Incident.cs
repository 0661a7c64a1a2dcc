using CaseDesk.Domain.Common;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Incidents;

/// <summary>What kind of situation the incident was (9.1, 9.6, difficult calls).</summary>
public enum IncidentType
{
    Complaint = 1,
    Conflict = 2,
    Error = 3,
    IntoxicatedClient = 4,
    AggressiveClient = 5,
    DifficultCall = 6,
    Other = 7,
}

public enum TrainingCopyStatus
{
    Draft = 1,
    Released = 2,
}

/// <summary>
/// A real situation recorded for learning (12.1): what happened, how it was handled, the outcome, and
/// who was involved. The source stays as written; trainers only ever see its <see cref="TrainingCopy"/>.
/// </summary>
public sealed class Incident : IVersioned
{
    private readonly List<IncidentPerson> people = [];
    private readonly List<IncidentRedaction> redactions = [];

    private Incident() { }

    public Incident(Guid id, IncidentType type, int? touchpoint, IEnumerable<string> commitments, DateTime occurredAtUtc,
        string whatHappened, string? howHandled, string? outcome, Guid? clientId, Guid? caseId, Guid? complaintId, Guid? contactId,
        DateTime recordedAtUtc, string recordedBy, int periodShiftDays)
    {
        Id = id; Type = type; Touchpoint = touchpoint; Commitments = CommitmentList.Join(commitments); OccurredAtUtc = occurredAtUtc;
        WhatHappened = whatHappened.Trim(); HowHandled = howHandled?.Trim(); Outcome = outcome?.Trim();
        ClientId = clientId; CaseId = caseId; ComplaintId = complaintId; ContactId = contactId;
        RecordedAtUtc = recordedAtUtc; RecordedByUserId = recordedBy; PeriodShiftDays = periodShiftDays;
    }

    public Guid Id { get; private set; }
    public IncidentType Type { get; private set; }
    public int? Touchpoint { get; private set; }
    /// <summary>",VIII,X," so a filter on one commitment is a provider-agnostic LIKE.</summary>
    public string Commitments { get; private set; } = "";
    public DateTime OccurredAtUtc { get; private set; }
    public string WhatHappened { get; private set; } = "";
    public string? HowHandled { get; private set; }
    public string? Outcome { get; private set; }
    public Guid? ClientId { get; private set; }
    public Guid? CaseId { get; private set; }
    public Guid? ComplaintId { get; private set; }
    public Guid? ContactId { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }
    public string RecordedByUserId { get; private set; } = "";
    /// <summary>The random shift (days) applied to the incident's date before the copy shows its month. Kept with the source only.</summary>
    public int PeriodShiftDays { get; private set; }
    public Guid Version { get; set; }

    public IReadOnlyList<IncidentPerson> People => people;
    public IReadOnlyList<IncidentRedaction> Redactions => redactions;

    public void Link(PersonRole role, string name, Guid? clientId = null, string? userId = null)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0 || people.Any(p => p.Role == role && string.Equals(p.Name, trimmed, StringComparison.OrdinalIgnoreCase)))
            return;
        people.Add(new IncidentPerson { Id = Guid.CreateVersion7(), IncidentId = Id, Role = role, Name = trimmed, ClientId = clientId, UserId = userId });
    }

    /// <summary>Replaces the list of what the anonymizer changed (it is redone when the copy is made again).</summary>
    public void RecordRedactions(IEnumerable<Replacement> replaced)
    {
        redactions.Clear();
        redactions.AddRange(replaced.Select(r => new IncidentRedaction
        {
            Id = Guid.CreateVersion7(), IncidentId = Id, Kind = r.Kind,
            Original = Cut(r.Original, 400), Replacement = Cut(r.Text, 100),
        }));
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}

/// <summary>Someone linked to an incident: the client, a household member, an employee, or a name typed on it.</summary>
public sealed class IncidentPerson
{
    public Guid Id { get; set; }
    public Guid IncidentId { get; set; }
    public PersonRole Role { get; set; }
    public string Name { get; set; } = "";
    public Guid? ClientId { get; set; }
    public string? UserId { get; set; }
    /// <summary>"Klientas A": what the training copy calls this person.</summary>
    public string? Pseudonym { get; set; }
}

/// <summary>One replacement the anonymizer made. Kept with the source incident, never with the copy, never shown to trainers.</summary>
public sealed class IncidentRedaction
{
    public Guid Id { get; set; }
    public Guid IncidentId { get; set; }
    public RedactionKind Kind { get; set; }
    public string Original { get; set; } = "";
    public string Replacement { get; set; } = "";
}

/// <summary>
/// The anonymized copy of an incident, a separate record: editing or releasing it never touches the
/// source. Only released copies reach trainers.
/// </summary>
public sealed class TrainingCopy : IVersioned
{
    private TrainingCopy() { }

    public TrainingCopy(Guid id, Guid incidentId, DateTime nowUtc)
    {
        Id = id; IncidentId = incidentId; CreatedAtUtc = nowUtc; Status = TrainingCopyStatus.Draft;
    }

    public Guid Id { get; private set; }
    public Guid IncidentId { get; private set; }
    public IncidentType Type { get; private set; }
    public int? Touchpoint { get; private set; }
    public string Commitments { get; private set; } = "";
    /// <summary>"2026-03": the month of the incident after a random shift of up to two weeks.</summary>
    public string Period { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Situation { get; private set; } = "";
    public string? Handling { get; private set; }
    public string? Outcome { get; private set; }
    /// <summary>Title, situation, handling and outcome folded for search (lower case, no diacritics), the same on both engines.</summary>
    public string SearchKey { get; private set; } = "";
    public TrainingCopyStatus Status { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? EditedAtUtc { get; private set; }
    public string? EditedByUserId { get; private set; }
    public DateTime? ReleasedAtUtc { get; private set; }
    public string? ReleasedByUserId { get; private set; }
    public Guid Version { get; set; }

    public bool IsReleased => Status == TrainingCopyStatus.Released;

    /// <summary>The anonymizer's output; only while the copy is a draft.</summary>
    public void Fill(IncidentType type, int? touchpoint, string commitments, string period, string title, string situation, string? handling, string? outcome)
    {
        EnsureDraft();
        Type = type; Touchpoint = touchpoint; Commitments = commitments; Period = period;
        Title = title; Situation = situation; Handling = handling; Outcome = outcome;
        RefreshSearchKey();
    }

    public void Edit(string title, string situation, string? handling, string? outcome, DateTime at, string by)
    {
        EnsureDraft();
        Title = title.Trim(); Situation = situation.Trim(); Handling = handling?.Trim(); Outcome = outcome?.Trim();
        EditedAtUtc = at; EditedByUserId = by;
        RefreshSearchKey();
    }

    public void RefreshSearchKey() => SearchKey = SearchKeyOf(Title, Situation, Handling, Outcome);

    public static string SearchKeyOf(string title, string situation, string? handling, string? outcome) =>
        Clients.Client.SearchKey($"{title} | {situation} | {handling} | {outcome}");

    public void Release(DateTime at, string by)
    {
        if (IsReleased)
            throw new DomainRefusalException(T("This copy is already released."));
        Status = TrainingCopyStatus.Released;
        ReleasedAtUtc = at; ReleasedByUserId = by;
    }

    public void Withdraw()
    {
        if (!IsReleased)
            throw new DomainRefusalException(T("This copy is not released."));
        Status = TrainingCopyStatus.Draft;
        ReleasedAtUtc = null; ReleasedByUserId = null;
    }

    private void EnsureDraft()
    {
        if (IsReleased)
            throw new DomainRefusalException(T("Withdraw the copy from trainers first, because a released copy may already be in a session pack."));
    }
}

/// <summary>A trainer's session: released copies in order, each with its discussion questions.</summary>
public sealed class SessionPack : IVersioned
{
    private readonly List<SessionPackItem> items = [];

    private SessionPack() { }

    public SessionPack(Guid id, string title, string? questions, DateTime nowUtc, string by)
    {
        Id = id; CreatedAtUtc = nowUtc; CreatedByUserId = by;
        Rename(title, questions, nowUtc);
    }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>Questions for the whole session.</summary>
    public string? Questions { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public string CreatedByUserId { get; private set; } = "";
    public DateTime UpdatedAtUtc { get; private set; }
    public Guid Version { get; set; }

    public IReadOnlyList<SessionPackItem> Items => items;

    public void Rename(string title, string? questions, DateTime nowUtc)
    {
        Title = title.Trim();
        Questions = string.IsNullOrWhiteSpace(questions) ? null : questions.Trim();
        UpdatedAtUtc = nowUtc;
    }

    public void SetItems(IEnumerable<(Guid CopyId, string? Questions)> wanted)
    {
        items.Clear();
        var position = 0;
        foreach (var (copyId, questions) in wanted)
            items.Add(new SessionPackItem
            {
                Id = Guid.CreateVersion7(), PackId = Id, Position = ++position, CopyId = copyId,
                Questions = string.IsNullOrWhiteSpace(questions) ? null : questions.Trim(),
            });
    }
}

public sealed class SessionPackItem
{
    public Guid Id { get; set; }
    public Guid PackId { get; set; }
    public int Position { get; set; }
    public Guid CopyId { get; set; }
    public string? Questions { get; set; }
}

internal static class CommitmentList
{
    public static string Join(IEnumerable<string> numerals)
    {
        var list = numerals.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct().ToList();
        return list.Count == 0 ? "" : "," + string.Join(",", list) + ",";
    }

    public static IReadOnlyList<string> Split(string stored) =>
        stored.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
