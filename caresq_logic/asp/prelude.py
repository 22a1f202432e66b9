"""The policy-independent rules of every compiled program: the semantics of the language in
ASP. The compiler emits this text first, then the facts and condition rules of one policy."""

from ..language.reserved import LEVERT

PRELUDE = f"""\
% ---- caresq-logic semantics (the same for every policy) -------------------------------------
_provider(P) :- {LEVERT}(P,_).
_ctx(P,Z) :- {LEVERT}(P,Z), _zorgsoort(Z).
_scope(P,Z,C) :- _ctx(P,Z), _applies(C,Z).

% A condition node holds or fails; a leaf holds when its provider facts say so.
_holds(P,Z,C,N) :- _leaf(P,Z,C,N).
_fails(P,Z,C,N) :- _scope(P,Z,C), _is_leaf(C,N), not _leaf(P,Z,C,N).
_met(P,Z,C) :- _root(C,condition,N), _holds(P,Z,C,N).
_unmet(P,Z,C) :- _root(C,condition,N), _fails(P,Z,C,N).
_guarded(P,Z,C) :- _scope(P,Z,C), not _has_guard(C).
_guarded(P,Z,C) :- _root(C,guard,N), _holds(P,Z,C,N).
_active(P,Z,C) :- _guarded(P,Z,C).
_inactive(P,Z,C) :- _scope(P,Z,C), _has_guard(C), not _guarded(P,Z,C).
_excepted(P,Z,C) :- _root(C,exception,N), _holds(P,Z,C,N).

% Required conditions (randvoorwaarde, aanvullende voorwaarde, selectie) and exclusions.
_required_kind(randvoorwaarde;aanvullende_voorwaarde;selectie).
_failed(P,Z,C) :- _active(P,Z,C), _clause(C,K), _required_kind(K), _unmet(P,Z,C).
_excluded(P,Z,C) :- _active(P,Z,C), _clause(C,uitsluiting), _met(P,Z,C), not _excepted(P,Z,C).
_eligible(P,Z) :- _ctx(P,Z), not _failed(P,Z,_), not _excluded(P,Z,_).

% Differentiatiefactoren; one factor may also count as another ("telt ook als").
_own_factor(P,Z,C) :- _active(P,Z,C), _clause(C,differentiatiefactor), _met(P,Z,C).
_factor(P,Z,F) :- _own_factor(P,Z,F).
_factor(P,Z,F) :- _own_factor(P,Z,C), _counts_as(C,F), _applies(F,Z).
_factor_via(P,Z,F,C) :- _own_factor(P,Z,C), _counts_as(C,F), _applies(F,Z), not _own_factor(P,Z,F).
_nfactors(P,Z,K) :- _ctx(P,Z), K = #count{{ F : _factor(P,Z,F) }}.

% Who is approached, whose contract continues, which application routes are open.
_not_approached(P,Z,C) :- _active(P,Z,C), _clause(C,benaderd), _unmet(P,Z,C).
_not_approached(P,Z,C) :- _active(P,Z,C), _clause(C,niet_benaderd), _met(P,Z,C).
% `benadert alle` ("wij benaderen alle zorgaanbieders die ..."): each names whom Caresq approaches;
% where a zorgsoort has them, a provider none of them names is not approached.
_names_approached(P,Z) :- _active(P,Z,C), _clause(C,benadert_alle).
_named(P,Z) :- _active(P,Z,C), _clause(C,benadert_alle), _met(P,Z,C).
_approached(P,Z) :- _ctx(P,Z), not _not_approached(P,Z,_), not _names_approached(P,Z).
_approached(P,Z) :- _ctx(P,Z), not _not_approached(P,Z,_), _named(P,Z).
_continuing(P,Z,C) :- _active(P,Z,C), _clause(C,doorlopend), _met(P,Z,C).
_continues(P,Z) :- _continuing(P,Z,_).
_route_open(P,Z,C) :- _active(P,Z,C), _clause(C,route), _met(P,Z,C).

% Tiers: the best (lowest rank) whose condition holds.
_tier_scope(P,Z,T) :- _ctx(P,Z), _tier_rank(Z,T,_,_).
_tier_holds(P,Z,T,N) :- _tier_leaf(P,Z,T,N).
_tier_fails(P,Z,T,N) :- _tier_scope(P,Z,T), _tier_is_leaf(T,N), not _tier_leaf(P,Z,T,N).
_tier_met(P,Z,T) :- _tier_scope(P,Z,T), _tier_holds(P,Z,T,0).
_better_tier(P,Z,R) :- _tier_met(P,Z,T), _tier_rank(Z,T,_,R2), _tier_rank(Z,_,_,R), R2 < R.
_tier(P,Z,L) :- _tier_met(P,Z,T), _tier_rank(Z,T,L,R), not _better_tier(P,Z,R).
_has_tier(P,Z) :- _tier(P,Z,_).
_has_tiers(Z) :- _tier_rank(Z,_,_,_).

% The outcome per zorgsoort; an onderdeel (part) also needs a contract for its parent. Where
% another policy decides (ander beleid), this one decides nothing else.
_elsewhere(P,Z) :- _active(P,Z,C), _clause(C,ander_beleid), _met(P,Z,C).
_here(P,Z) :- _ctx(P,Z), not _elsewhere(P,Z).
_outcome(P,Z,ander_beleid) :- _elsewhere(P,Z).
_is_part(Z) :- _onderdeel_van(Z,_).
_blocked(P,Z) :- _failed(P,Z,_).
_blocked(P,Z) :- _excluded(P,Z,C), not _requestable(C).
_offerable(P,Z) :- _eligible(P,Z), not _has_tiers(Z).
_offerable(P,Z) :- _eligible(P,Z), _has_tier(P,Z).
_top(P,Z) :- _here(P,Z), not _is_part(Z), not _continues(P,Z).
_outcome(P,Z,doorlopende_overeenkomst) :- _here(P,Z), not _is_part(Z), _continues(P,Z).
_outcome(P,Z,geen_overeenkomst) :- _top(P,Z), _blocked(P,Z).
_outcome(P,Z,uitzondering_aan_te_vragen) :- _top(P,Z), not _blocked(P,Z), _excluded(P,Z,_).
_outcome(P,Z,geen_overeenkomst) :- _top(P,Z), _eligible(P,Z), _has_tiers(Z), not _has_tier(P,Z).
_outcome(P,Z,niet_benaderd) :- _top(P,Z), _offerable(P,Z), not _approached(P,Z).
_outcome(P,Z,zorgovereenkomst) :- _top(P,Z), _offerable(P,Z), _approached(P,Z).
_contracted(P,Y) :- _outcome(P,Y,zorgovereenkomst).
_contracted(P,Y) :- _outcome(P,Y,doorlopende_overeenkomst).
_parent_ok(P,Z) :- _ctx(P,Z), _onderdeel_van(Z,Y), {LEVERT}(P,Y), _contracted(P,Y).
_part(P,Z) :- _here(P,Z), _is_part(Z).
_part_outcome(P,Z,geen_overeenkomst) :- _part(P,Z), not _parent_ok(P,Z).
_part_outcome(P,Z,geen_overeenkomst) :- _part(P,Z), _parent_ok(P,Z), _blocked(P,Z).
_part_outcome(P,Z,uitzondering_aan_te_vragen) :- _part(P,Z), _parent_ok(P,Z), not _blocked(P,Z), _excluded(P,Z,_).
_part_outcome(P,Z,zorgovereenkomst) :- _part(P,Z), _parent_ok(P,Z), _eligible(P,Z).
_decision(P,Z,O) :- _outcome(P,Z,O).
_decision(P,Z,O) :- _part_outcome(P,Z,O).

% A condition the text leaves unknown (`onbekend`) holds only where `check` chooses it.
#defined _onbekend/3.

% Shown: the decisions and what the explanation needs. A node in a clause's scope that does not
% hold fails, and a clause in scope is active unless shown inactive, so neither is shown.
#show _decision/3.
#show _tier/3.
#show _inactive/3.
#show _excepted/3.
#show _factor/3.
#show _factor_via/4.
#show _nfactors/3.
#show _start_date/4.
% Condition nodes are shown as one integer key each (_node_key/4, _tier_node_key/4 below): a
% large batch shows hundreds of thousands of them, and two numbers decode fastest.
#show _h(P,K) : _holds(P,Z,C,N), _node_key(Z,C,N,K).
#show _th(P,K) : _tier_holds(P,Z,T,N), _tier_node_key(Z,T,N,K).
"""
