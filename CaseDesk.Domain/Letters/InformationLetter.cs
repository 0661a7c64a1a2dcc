using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Common;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Letters;

public enum LetterChannel
{
    Post = 1,
    Email = 2,
    HandedOver = 3,
    EPortal = 4,
}

/// <summary>
/// A letter template with placeholders such as {Salutation}, {ClientName}, {CaseNumber}, {Service}, {EmployeeName}, {EmployeePhone},
/// {Date}. One letter (Code) may have a template in several languages; Lithuanian is the one every letter has.
/// </summary>
public sealed class LetterTemplate
{
    public Guid Id { get; set; }
    public string Code { get; set; } = "";
    public ClientLanguage Language { get; set; } = ClientLanguage.Lithuanian;
    public string Name { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public bool IsActive { get; set; } = true;
}

/// <summary>Touchpoint 6: an information letter, composed from a template, then recorded as sent with its date and channel.</summary>
public sealed class InformationLetter : IVersioned
{
    private InformationLetter() { }

    public InformationLetter(Guid id, Guid caseId, Guid clientId, Guid? templateId, string subject, string body, DateTime requestedAtUtc,
        DateTime createdAtUtc, string createdBy, ClientLanguage language = ClientLanguage.Lithuanian)
    {
        Language = language;
        Id = id;
        CaseId = caseId;
        ClientId = clientId;
        TemplateId = templateId;
        Subject = subject.Trim();
        Body = body;
        RequestedAtUtc = requestedAtUtc;
        CreatedAtUtc = createdAtUtc;
        CreatedByUserId = createdBy;
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid? TemplateId { get; private set; }
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    /// <summary>The language the letter is written in: the client's, when its template exists in it, else Lithuanian.</summary>
    public ClientLanguage Language { get; private set; } = ClientLanguage.Lithuanian;
    /// <summary>When the client asked for (or became entitled to) the information; the letter's clock starts here.</summary>
    public DateTime RequestedAtUtc { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public string CreatedByUserId { get; private set; } = "";
    public DateTime? SentAtUtc { get; private set; }
    public LetterChannel? Channel { get; private set; }
    public Guid? SentContactId { get; private set; }
    public Guid Version { get; set; }

    public bool IsSent => SentAtUtc is not null;

    public void Edit(string subject, string body)
    {
        if (IsSent)
            throw new DomainRefusalException(T("The letter cannot be edited, because it was already sent; write a new one."));
        Subject = subject.Trim();
        Body = body;
    }

    public void MarkSent(DateTime sentAtUtc, LetterChannel channel, Guid contactId)
    {
        CheckCanBeSent(sentAtUtc);
        SentAtUtc = sentAtUtc;
        Channel = channel;
        SentContactId = contactId;
    }

    /// <summary>Refuses a sending that cannot be recorded, before the letter's contact is written.</summary>
    public void CheckCanBeSent(DateTime sentAtUtc)
    {
        if (IsSent)
            throw new DomainRefusalException(T("The letter cannot be recorded as sent again, because it is already recorded as sent."));
        if (sentAtUtc < CreatedAtUtc.AddMinutes(-1))
            throw new DomainRefusalException(T("The sending date cannot be before the letter was written, because the letter did not exist yet."));
    }

    public static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        values.Aggregate(template, (text, pair) => text.Replace("{" + pair.Key + "}", pair.Value, StringComparison.Ordinal));
}
