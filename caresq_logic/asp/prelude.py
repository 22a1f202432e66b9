"""The policy-independent rules of every compiled program: the semantics of the language in
ASP. The compiler emits this text first, then the facts and condition rules of one policy."""

from ..language.reserved import LEVERT

PRELUDE = f"""\
% ---- caresq-logic semantics (the same for every policy) -------------------------------------
provider(P) :- {LEVERT}(P,_).
ctx(P,Z) :- {LEVERT}(P,Z), zorgsoort(Z).
scope(P,Z,C) :- ctx(P,Z), applies(C,Z).

% A condition node holds or fails; a leaf holds when its provider facts say so.
holds(P,Z,C,N) :- leaf(P,Z,C,N).
fails(P,Z,C,N) :- scope(P,Z,C), is_leaf(C,N), not leaf(P,Z,C,N).
met(P,Z,C) :- root(C,condition,N), holds(P,Z,C,N).
unmet(P,Z,C) :- root(C,condition,N), fails(P,Z,C,N).
guarded(P,Z,C) :- scope(P,Z,C), not has_guard(C).
guarded(P,Z,C) :- root(C,guard,N), holds(P,Z,C,N).
active(P,Z,C) :- guarded(P,Z,C).
inactive(P,Z,C) :- scope(P,Z,C), has_guard(C), not guarded(P,Z,C).
excepted(P,Z,C) :- root(C,exception,N), holds(P,Z,C,N).

% Required conditions (randvoorwaarde, aanvullende voorwaarde, selectie) and exclusions.
required_kind(randvoorwaarde;aanvullende_voorwaarde;selectie).
failed(P,Z,C) :- active(P,Z,C), clause(C,K), required_kind(K), unmet(P,Z,C).
excluded(P,Z,C) :- active(P,Z,C), clause(C,uitsluiting), met(P,Z,C), not excepted(P,Z,C).
eligible(P,Z) :- ctx(P,Z), not failed(P,Z,_), not excluded(P,Z,_).

% Differentiatiefactoren; one factor may also count as another ("telt ook als").
own_factor(P,Z,C) :- active(P,Z,C), clause(C,differentiatiefactor), met(P,Z,C).
factor(P,Z,F) :- own_factor(P,Z,F).
factor(P,Z,F) :- own_factor(P,Z,C), counts_as(C,F), applies(F,Z).
factor_via(P,Z,F,C) :- own_factor(P,Z,C), counts_as(C,F), applies(F,Z), not own_factor(P,Z,F).
nfactors(P,Z,K) :- ctx(P,Z), K = #count{{ F : factor(P,Z,F) }}.

% Who is approached, whose contract continues, which application routes are open.
not_approached(P,Z,C) :- active(P,Z,C), clause(C,benaderd), unmet(P,Z,C).
not_approached(P,Z,C) :- active(P,Z,C), clause(C,niet_benaderd), met(P,Z,C).
approached(P,Z) :- ctx(P,Z), not not_approached(P,Z,_).
continuing(P,Z,C) :- active(P,Z,C), clause(C,doorlopend), met(P,Z,C).
continues(P,Z) :- continuing(P,Z,_).
route_open(P,Z,C) :- active(P,Z,C), clause(C,route), met(P,Z,C).

% Tiers: the best (lowest rank) whose condition holds.
tier_scope(P,Z,T) :- ctx(P,Z), tier_rank(Z,T,_,_).
tier_holds(P,Z,T,N) :- tier_leaf(P,Z,T,N).
tier_fails(P,Z,T,N) :- tier_scope(P,Z,T), tier_is_leaf(T,N), not tier_leaf(P,Z,T,N).
tier_met(P,Z,T) :- tier_scope(P,Z,T), tier_holds(P,Z,T,0).
better_tier(P,Z,R) :- tier_met(P,Z,T), tier_rank(Z,T,_,R2), tier_rank(Z,_,_,R), R2 < R.
tier(P,Z,L) :- tier_met(P,Z,T), tier_rank(Z,T,L,R), not better_tier(P,Z,R).
has_tier(P,Z) :- tier(P,Z,_).
has_tiers(Z) :- tier_rank(Z,_,_,_).

% The outcome per zorgsoort; an onderdeel (part) also needs a contract for its parent.
is_part(Z) :- onderdeel_van(Z,_).
blocked(P,Z) :- failed(P,Z,_).
blocked(P,Z) :- excluded(P,Z,C), not requestable(C).
offerable(P,Z) :- eligible(P,Z), not has_tiers(Z).
offerable(P,Z) :- eligible(P,Z), has_tier(P,Z).
top(P,Z) :- ctx(P,Z), not is_part(Z), not continues(P,Z).
outcome(P,Z,doorlopende_overeenkomst) :- ctx(P,Z), not is_part(Z), continues(P,Z).
outcome(P,Z,geen_overeenkomst) :- top(P,Z), blocked(P,Z).
outcome(P,Z,uitzondering_aan_te_vragen) :- top(P,Z), not blocked(P,Z), excluded(P,Z,_).
outcome(P,Z,geen_overeenkomst) :- top(P,Z), eligible(P,Z), has_tiers(Z), not has_tier(P,Z).
outcome(P,Z,niet_benaderd) :- top(P,Z), offerable(P,Z), not approached(P,Z).
outcome(P,Z,zorgovereenkomst) :- top(P,Z), offerable(P,Z), approached(P,Z).
contracted(P,Y) :- outcome(P,Y,zorgovereenkomst).
contracted(P,Y) :- outcome(P,Y,doorlopende_overeenkomst).
parent_ok(P,Z) :- ctx(P,Z), onderdeel_van(Z,Y), {LEVERT}(P,Y), contracted(P,Y).
part_outcome(P,Z,geen_overeenkomst) :- ctx(P,Z), is_part(Z), not parent_ok(P,Z).
part_outcome(P,Z,geen_overeenkomst) :- ctx(P,Z), is_part(Z), parent_ok(P,Z), blocked(P,Z).
part_outcome(P,Z,uitzondering_aan_te_vragen) :- ctx(P,Z), is_part(Z), parent_ok(P,Z), not blocked(P,Z), excluded(P,Z,_).
part_outcome(P,Z,zorgovereenkomst) :- ctx(P,Z), is_part(Z), parent_ok(P,Z), eligible(P,Z).
decision(P,Z,O) :- outcome(P,Z,O).
decision(P,Z,O) :- part_outcome(P,Z,O).

% Shown: the decisions and what the explanation needs. A node in a clause's scope that does not
% hold fails, and a clause in scope is active unless shown inactive, so neither is shown.
#show decision/3.
#show tier/3.
#show inactive/3.
#show excepted/3.
#show factor/3.
#show factor_via/4.
#show nfactors/3.
#show start_date/4.
% Condition nodes are shown as one integer key each (node_key/4, tier_node_key/4 below): a
% large batch shows hundreds of thousands of them, and two numbers decode fastest.
#show h(P,K) : holds(P,Z,C,N), node_key(Z,C,N,K).
#show th(P,K) : tier_holds(P,Z,T,N), tier_node_key(Z,T,N,K).
"""
