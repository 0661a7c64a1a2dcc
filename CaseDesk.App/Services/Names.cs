using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Contacts;

namespace CaseDesk.App.Services;

/// <summary>English names of the domain's enums; components pass them through the localizer (L[Names.Of(x)]).</summary>
public static class Names
{
    public static string Of(ClientLanguage language) => language switch
    {
        ClientLanguage.Lithuanian => "Lithuanian",
        ClientLanguage.Russian => "Russian",
        ClientLanguage.Polish => "Polish",
        ClientLanguage.SignLanguage => "Sign language",
        ClientLanguage.English => "English",
        _ => "Other language",
    };

    public static string Of(CaseStatus status) => status switch
    {
        CaseStatus.Registered => "Registered, not assigned",
        CaseStatus.Assigned => "With a caseworker",
        CaseStatus.ServiceStarted => "Service started",
        _ => "Closed",
    };

    public static string Of(CaseOutcome outcome) => outcome switch
    {
        CaseOutcome.ServiceGranted => "Service granted",
        CaseOutcome.ServiceRefused => "Service refused",
        CaseOutcome.Withdrawn => "Withdrawn by the client",
        CaseOutcome.ReferredElsewhere => "Referred elsewhere",
        _ => "Information only",
    };

    public static string Of(ContactChannel channel) => channel switch
    {
        ContactChannel.PhoneIn => "Phone call from the client",
        ContactChannel.PhoneOut => "Phone call to the client",
        ContactChannel.EmailIn => "E-mail from the client",
        ContactChannel.EmailOut => "E-mail to the client",
        ContactChannel.OfficeVisit => "Visit to the office",
        ContactChannel.HomeVisit => "Home visit",
        ContactChannel.Letter => "Letter",
        ContactChannel.WebsiteForm => "Website form",
        _ => "Social network",
    };

    public static string Of(ContactDirection direction) => direction switch
    {
        ContactDirection.FromClient => "From the client",
        ContactDirection.ToClient => "To the client",
        _ => "Face to face",
    };

    public static string Of(DuplicateReason reason) => reason switch
    {
        DuplicateReason.SamePersonalCode => "Same personal code",
        DuplicateReason.SameNameAndPhone => "Same name and phone",
        DuplicateReason.SameNameAndBirthDate => "Same name and date of birth",
        _ => "Same phone",
    };

    /// <summary>The usual direction of a channel, so the contact form can pre-select it.</summary>
    public static ContactDirection DefaultDirection(ContactChannel channel) => channel switch
    {
        ContactChannel.PhoneIn or ContactChannel.EmailIn or ContactChannel.WebsiteForm or ContactChannel.SocialNetwork => ContactDirection.FromClient,
        ContactChannel.PhoneOut or ContactChannel.EmailOut or ContactChannel.Letter => ContactDirection.ToClient,
        _ => ContactDirection.FaceToFace,
    };
}
