using Consortium.Grains.Badges;
using Consortium.Grains.Trust;

namespace Consortium.Portal.Badges;

/// <summary>The checks of one badge as they are made, in order; the first failure decides.</summary>
internal sealed class BadgeCheckRun(DateTimeOffset now)
{
    private readonly List<BadgeCheck> _checks = [];
    private BadgeFacts? _facts;
    private (Decision Decision, BadgeReason Reason) _result = (Decision.Deny, BadgeReason.Malformed);

    public DateTimeOffset Now => now;

    public BadgeVerification Outcome => new(_result.Decision, _result.Reason, _facts, [.. _checks], now);

    public void Found(BadgeFacts facts) => _facts = facts;

    public void Pass(string check, string detail) => _checks.Add(new BadgeCheck(check, true, detail));

    /// <summary>A check that could not be made and does not stop the others.</summary>
    public void Note(string check, string detail) => _checks.Add(new BadgeCheck(check, null, detail));

    public BadgeVerification Fail(BadgeReason reason, string check, string detail)
    {
        _checks.Add(new BadgeCheck(check, false, detail));
        _result = (Decision.Deny, reason);
        return Outcome;
    }

    /// <summary>The status could not be read: neither allowed nor denied.</summary>
    public BadgeVerification Unknown(string detail)
    {
        _checks.Add(new BadgeCheck("status", null, detail));
        _result = (Decision.Unknown, BadgeReason.StatusUnavailable);
        return Outcome;
    }

    public BadgeVerification Allow()
    {
        _result = (Decision.Allow, BadgeReason.Valid);
        return Outcome;
    }
}
